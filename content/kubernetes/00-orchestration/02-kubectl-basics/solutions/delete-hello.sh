# nginx-pod가 없다면 두 번째 과제의 매니페스트로 먼저 만듭니다.
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: nginx-pod
  labels:
    app: nginx
spec:
  containers:
  - name: nginx
    image: nginx:stable
    ports:
    - containerPort: 80
EOF
kubectl delete pod hello --ignore-not-found
