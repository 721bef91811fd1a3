"""The CRDs and samples against fakekube and faketeleport, over real sockets."""
