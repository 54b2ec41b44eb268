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
kubectl wait --for=condition=Ready pod/nginx-pod --timeout=60s
# sh -c로 감싸야 > 리다이렉션도 컨테이너 안에서 처리됩니다.
kubectl exec nginx-pod -- sh -c 'echo Hello KubeLab > /usr/share/nginx/html/index.html'
kubectl exec nginx-pod -- cat /usr/share/nginx/html/index.html
