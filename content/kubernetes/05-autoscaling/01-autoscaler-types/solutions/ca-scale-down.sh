# 먼저 노드를 늘립니다 (앞 과제에서 했다면 그대로 둡니다).
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: 3
  selector:
    matchLabels:
      app: big
  template:
    metadata:
      labels:
        app: big
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          requests:
            cpu: "3"
EOF
# 세 파드가 모두 뜨면(새 노드가 합류하면) 하나만 남깁니다.
kubectl wait --for=condition=Ready pod -l app=big --timeout=300s
kubectl scale deployment big --replicas=1
kubectl get nodes
