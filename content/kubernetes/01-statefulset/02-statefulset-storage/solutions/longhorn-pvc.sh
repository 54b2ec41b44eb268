# 노트의 Longhorn 1.5.0 매니페스트를 URL 그대로 설치합니다.
kubectl apply -f https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.5.0.yaml
# longhorn-manager(DaemonSet)가 뜨면 StorageClass longhorn을 만듭니다.
kubectl rollout status daemonset/longhorn-manager -n longhorn-system --timeout=180s
kubectl get storageclass
kubectl apply -f longhorn-pvc.yaml
kubectl get pvc,pv
