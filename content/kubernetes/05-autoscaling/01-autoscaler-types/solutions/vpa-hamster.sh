# hamster Deployment를 대상으로, 파드를 다시 만들어 권장값을 적용하는 VPA
cat <<EOF | kubectl apply -f -
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: hamster-vpa
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: hamster
  updatePolicy:
    updateMode: "Recreate"
EOF
kubectl get vpa hamster-vpa
# 권장값은 metrics-server의 사용량이 쌓이면 나옵니다 (1~2분).
kubectl describe vpa hamster-vpa
