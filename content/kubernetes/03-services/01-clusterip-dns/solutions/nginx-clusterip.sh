# 노트의 nginx Deployment
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:stable
EOF
# 요청을 보낼 curlpod (첫 과제에서 만들었다면 그대로 둡니다)
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: curlpod
spec:
  containers:
  - name: curl
    image: docker.io/curlimages/curl:7.86.0
    command:
      - sleep
      - "infinity"
    imagePullPolicy: IfNotPresent
  restartPolicy: Always
EOF
kubectl expose deployment nginx --name nginx --port 80
kubectl get service nginx
kubectl wait --for=condition=Ready pod/curlpod --timeout=60s
kubectl exec -it curlpod -- curl nginx.default.svc.cluster.local
