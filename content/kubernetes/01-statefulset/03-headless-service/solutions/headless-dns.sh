# 요청을 보낼 request-pod (앞 실습에서 만들었다면 그대로 둡니다)
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: request-pod
spec:
  containers:
  - name: container
    image: kubetm/init
EOF
# StatefulSet의 serviceName과 같은 이름, 파드 레이블과 같은 selector, clusterIP: None
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: stateful-headless
spec:
  selector:
    type: db2
  ports:
    - port: 80
      targetPort: 8080
  clusterIP: None
EOF
kubectl exec request-pod -- nslookup stateful-headless
kubectl exec request-pod -- curl -s stateful-pvc-0.stateful-headless:8080/hostname
