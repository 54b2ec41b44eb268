# 한 번 실행하고 끝나는 작업: restartPolicy는 Never(또는 OnFailure)여야 합니다.
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: hello-job
spec:
  backoffLimit: 4
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: hello
        image: busybox
        command: ["sh", "-c", "echo 작업을 시작합니다; sleep 5; echo 끝"]
EOF
kubectl get job hello-job
kubectl logs job/hello-job
