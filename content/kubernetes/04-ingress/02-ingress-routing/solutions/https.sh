# 자체 서명 인증서와 키를 만들고 kubernetes.io/tls Secret에 담습니다.
openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout tls.key -out tls.crt -subj "/CN=www.mall.com"
kubectl create secret tls secret-https --cert=tls.crt --key=tls.key --dry-run=client -o yaml | kubectl apply -f -
# tls.hosts의 호스트에 secretName의 인증서가 쓰입니다.
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: https
spec:
  ingressClassName: nginx
  tls:
  - hosts:
    - www.mall.com
    secretName: secret-https
  rules:
  - host: www.mall.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: svc-shopping
            port:
              number: 80
EOF
curl -k -H "Host: www.mall.com" https://localhost/
