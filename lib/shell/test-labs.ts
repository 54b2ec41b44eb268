/**
 * Shared lab text for scenario tests: the `web` Deployment + Service and a busybox `load` pod
 * whose wget loop gives it a steady request rate (written to ~/app.yaml).
 */
export const APP = `cat <<'EOF' > app.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: load
spec:
  containers:
  - name: load
    image: busybox
    command: ["sh", "-c", "while sleep 0.1; do wget -q -O- http://web; done"]
EOF`;
