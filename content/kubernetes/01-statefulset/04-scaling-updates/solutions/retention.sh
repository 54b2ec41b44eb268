# 스케일 다운할 때만 PVC를 지우고, StatefulSet을 지울 때는 남깁니다.
kubectl patch statefulset web -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenDeleted":"Retain","whenScaled":"Delete"}}}'
kubectl scale statefulset web --replicas=1
kubectl get pods,pvc
