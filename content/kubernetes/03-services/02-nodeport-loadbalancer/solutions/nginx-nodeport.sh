# nodePort를 31045로 정한 NodePort Service (selector는 파드 레이블 app=nginx)
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: nginx-np
spec:
  ports:
  - name: http
    nodePort: 31045
    port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: nginx
  type: NodePort
EOF
kubectl get service nginx-np
# 아무 노드의 IP:31045로 접속됩니다.
curl 192.168.0.31:31045
