# ReplicaSet은 PVC를 직접 만들지 않으므로 먼저 만들어 둡니다.
cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: replica-pvc1
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1G
  storageClassName: "fast"
EOF
cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: replica-pvc
spec:
  replicas: 1
  selector:
    matchLabels:
      type: web2
  template:
    metadata:
      labels:
        type: web2
    spec:
      nodeSelector:
        kubernetes.io/hostname: k8s-node1
      containers:
      - name: container
        image: kubetm/init
        volumeMounts:
        - name: longhorn
          mountPath: /applog
      volumes:
      - name: longhorn
        persistentVolumeClaim:
          claimName: replica-pvc1
      terminationGracePeriodSeconds: 10
EOF
kubectl wait --for=condition=Ready pod -l type=web2 --timeout=120s
kubectl get pvc,pv
# 파드 이름 대신 ReplicaSet으로 지정하면 그 ReplicaSet의 파드 하나에서 실행됩니다.
kubectl exec rs/replica-pvc -- touch /applog/server.log
kubectl exec rs/replica-pvc -- ls /applog
