kubectl scale statefulset web --replicas=1
# 번호가 큰 파드부터 지워지고, PVC는 그대로 남습니다.
kubectl get pods,pvc
