# host와 path가 app Ingress와 같은 카나리 Ingress: 트래픽의 10%를 svc-v2로 보냅니다.
cat <<EOF | kubectl apply -f -
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: canary-v2
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-weight: "10"
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
for i in $(seq 1 100); do curl -s -H "Host: www.app.com" localhost; done | sort | uniq -c
