# order.mall.com으로 들어온 요청은 경로와 관계없이 svc-order로 갑니다.
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: service-host
spec:
  ingressClassName: nginx
  rules:
  - host: order.mall.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: svc-order
            port:
              number: 80
EOF
curl -s -H "Host: order.mall.com" localhost/
