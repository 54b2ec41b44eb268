kubectl delete statefulset web
kubectl get pods,pvc
# 같은 YAML로 다시 만들면 web-0은 다시 www-web-0을 씁니다.
kubectl apply -f web.yaml
kubectl get pods,pvc
