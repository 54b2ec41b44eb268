# HPA가 없다면 만듭니다 (이미 있으면 AlreadyExists 오류가 나도 괜찮습니다).
kubectl autoscale deployment stateless-app --cpu-percent=50 --min=1 --max=10
kubectl expose deployment stateless-app --name stateless-svc --port 8080
# 요청을 끝없이 보내는 부하 파드
kubectl run load --image=busybox -- sh -c "while true; do wget -q -O- http://stateless-svc:8080/hostname; done"
kubectl get hpa stateless-app
