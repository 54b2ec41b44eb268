# 실습 3을 마쳤다면 아래 세 줄은 이미 되어 있습니다(다시 실행해도 바뀌는 것이 없습니다).
kubectl apply -f https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.5.0.yaml
kubectl rollout status daemonset/longhorn-manager -n longhorn-system --timeout=180s
kubectl apply -f longhorn-pvc.yaml
kubectl wait --for=jsonpath='{.status.phase}'=Bound pvc/longhorn-pvc --timeout=60s
# Longhorn 볼륨을 쓰는 파드와 PVC부터 지웁니다.
kubectl delete -f longhorn-pvc.yaml
# 설치한 URL 그대로 지우면 네임스페이스, CRD, ClusterRole 등 매니페스트의 오브젝트가 모두 지워집니다.
kubectl delete -f https://raw.githubusercontent.com/kubetm/kubetm.github.io/master/yamls/longhorn/longhorn-1.5.0.yaml
kubectl get ns,crd
