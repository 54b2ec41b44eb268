# requests.cpu(200m)의 50%(100m)를 목표로, replicas 1~10 사이에서 조절하는 HPA
kubectl autoscale deployment stateless-app --cpu-percent=50 --min=1 --max=10
kubectl get hpa stateless-app
