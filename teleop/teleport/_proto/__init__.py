"""Generated protobuf and gRPC modules (hack/gen_proto.py). Never edit by hand."""
