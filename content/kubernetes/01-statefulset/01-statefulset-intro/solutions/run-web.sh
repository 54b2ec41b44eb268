kubectl run web --image=nginx
