# Accept-Language: kr 헤더가 있는 요청만 svc-v2로 보냅니다 (canary-weight는 두지 않습니다).
# kubectl apply는 매니페스트에 없는 애너테이션을 지우므로, 앞 실습의 canary-weight도 사라집니다.
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: canary-v2
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-by-header: "Accept-Language"
    nginx.ingress.kubernetes.io/canary-by-header-value: "kr"
spec:
  ingressClassName: nginx
  rules:
  - host: www.app.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: svc-v2
            port:
              number: 80
EOF
curl -s -H "Host: www.app.com" -H "Accept-Language: kr" localhost
curl -s -H "Host: www.app.com" localhost
