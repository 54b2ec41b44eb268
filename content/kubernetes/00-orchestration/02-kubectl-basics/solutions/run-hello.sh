kubectl run hello --image=nginx --labels=app=hello
