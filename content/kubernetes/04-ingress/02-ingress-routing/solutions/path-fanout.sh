# 경로별로 다른 Service: rewrite-target으로 백엔드에는 / 로 전달합니다.
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: service-loadbalancing
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: svc-shopping
            port:
              number: 80
      - path: /customer
        pathType: Prefix
        backend:
          service:
            name: svc-customer
            port:
              number: 80
      - path: /order
        pathType: Prefix
        backend:
          service:
            name: svc-order
            port:
              number: 80
EOF
curl -s localhost/
curl -s localhost/customer
curl -s localhost/order
