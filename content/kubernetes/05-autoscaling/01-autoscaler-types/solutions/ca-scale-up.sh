# 노드 하나에 하나씩만 들어가는 big 파드 세 개: 하나는 Pending이 되어 CA가 노드를 늘립니다.
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
kubectl get pods -l app=big -o wide
kubectl get nodes
