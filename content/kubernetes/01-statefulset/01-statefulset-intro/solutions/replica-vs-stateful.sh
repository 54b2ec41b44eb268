cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: replica-web
spec:
  replicas: 1
  selector:
    matchLabels:
      type: web
  template:
    metadata:
      labels:
        type: web
    spec:
      containers:
      - name: container
        image: kubetm/app
      terminationGracePeriodSeconds: 10
EOF
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: stateful-db
spec:
  replicas: 1
  selector:
    matchLabels:
      type: db
  template:
    metadata:
      labels:
        type: db
    spec:
      containers:
      - name: container
        image: kubetm/app
      terminationGracePeriodSeconds: 10
EOF
# 0, 1, 2 순서로 하나씩 만들어집니다.
kubectl scale statefulset stateful-db --replicas=3
kubectl rollout status statefulset stateful-db
kubectl get pods
# 지운 파드가 같은 이름으로 돌아옵니다.
kubectl delete pod stateful-db-1
kubectl get pods
