# Ingress부터 지웁니다 (app과 실습에서 만든 Ingress 모두).
kubectl delete ingress --all
# kubectl expose로 만든 Service는 파드의 app 레이블을 물려받았으므로 레이블로 함께 지웁니다.
kubectl delete pod,service -l 'app in (shopping,customer,order,v1,v2)'
# 설치할 때 쓴 URL 그대로 컨트롤러를 지웁니다.
kubectl delete -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.5.1/deploy/static/provider/cloud/deploy.yaml
kubectl get all,ingress
