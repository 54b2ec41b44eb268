# Pods 메트릭(파드당 평균)과 Object 메트릭(Service 하나의 값) 두 개를 쓰는 HPA
cat <<EOF | kubectl apply -f -
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - type: Pods
    pods:
      metric:
        name: http_requests_per_second
      target:
        type: AverageValue
        averageValue: "4"
  - type: Object
    object:
      describedObject:
        apiVersion: v1
        kind: Service
        name: web
      metric:
        name: http_requests
      target:
        type: AverageValue
        averageValue: "5"
EOF
kubectl get hpa web
# 각 메트릭의 제안 중 큰 값이 replicas가 됩니다.
kubectl describe hpa web
