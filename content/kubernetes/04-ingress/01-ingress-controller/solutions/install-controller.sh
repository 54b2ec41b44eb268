kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.5.1/deploy/static/provider/cloud/deploy.yaml
# 컨트롤러 파드가 Ready가 될 때까지 기다립니다 (ingress-nginx 설치 문서의 명령).
kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=120s
kubectl -n ingress-nginx get all
# 규칙이 없으니 컨트롤러의 기본 백엔드가 404로 답합니다.
curl localhost
