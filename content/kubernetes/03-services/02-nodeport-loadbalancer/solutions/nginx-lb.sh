# LoadBalancer Service도 ClusterIP와 노드 포트를 함께 엽니다.
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: nginx-lb
spec:
  ports:
  - name: http
    nodePort: 30080
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: nginx
  type: LoadBalancer
EOF
kubectl get service nginx-lb
# 외부 로드밸런서가 없어 EXTERNAL-IP는 <pending>이지만 노드 포트로는 닿습니다.
curl 192.168.0.32:30080
