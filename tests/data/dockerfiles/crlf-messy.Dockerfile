FROM busybox:1.36 as base

  run   echo  one \

    two
env OLD value with spaces
CMD echo hi
COPY  --from=base   /a  /b
	workdir	relative
