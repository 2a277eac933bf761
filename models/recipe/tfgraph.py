"""A frozen TensorFlow GraphDef writer that needs no TensorFlow.

The message schema below is declared with protobuf's descriptor API using
the same package, message names and field numbers as TensorFlow's
graph.proto, node_def.proto, attr_value.proto, tensor.proto,
tensor_shape.proto and versions.proto, so the bytes written are a GraphDef
any TensorFlow reader (OpenCV's TF importer included) accepts. Only the
fields a frozen inference graph uses are declared; protobuf readers skip
the rest anyway.
"""
import numpy as np
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf import message_factory

DT_FLOAT = 1
DT_INT32 = 3

_F = descriptor_pb2.FieldDescriptorProto


def _field(message, name, number, kind, label=_F.LABEL_OPTIONAL, type_name=None, packed=False):
    field = message.field.add(name=name, number=number, type=kind, label=label)
    if type_name:
        field.type_name = type_name
    if packed:
        field.options.packed = True
    return field


def _schema():
    """The subset of TensorFlow's framework protos that a frozen graph uses."""
    file = descriptor_pb2.FileDescriptorProto(
        name="livedigits/tensorflow_graph_subset.proto", package="tensorflow", syntax="proto3")
    data_type = file.enum_type.add(name="DataType")
    for name, number in (("DT_INVALID", 0), ("DT_FLOAT", DT_FLOAT), ("DT_INT32", DT_INT32)):
        data_type.value.add(name=name, number=number)

    shape = file.message_type.add(name="TensorShapeProto")
    dim = shape.nested_type.add(name="Dim")
    _field(dim, "size", 1, _F.TYPE_INT64)
    _field(dim, "name", 2, _F.TYPE_STRING)
    _field(shape, "dim", 2, _F.TYPE_MESSAGE, _F.LABEL_REPEATED, ".tensorflow.TensorShapeProto.Dim")
    _field(shape, "unknown_rank", 3, _F.TYPE_BOOL)

    tensor = file.message_type.add(name="TensorProto")
    _field(tensor, "dtype", 1, _F.TYPE_ENUM, type_name=".tensorflow.DataType")
    _field(tensor, "tensor_shape", 2, _F.TYPE_MESSAGE, type_name=".tensorflow.TensorShapeProto")
    _field(tensor, "version_number", 3, _F.TYPE_INT32)
    _field(tensor, "tensor_content", 4, _F.TYPE_BYTES)
    _field(tensor, "float_val", 5, _F.TYPE_FLOAT, _F.LABEL_REPEATED, packed=True)
    _field(tensor, "int_val", 7, _F.TYPE_INT32, _F.LABEL_REPEATED, packed=True)

    attr = file.message_type.add(name="AttrValue")
    values = attr.nested_type.add(name="ListValue")
    _field(values, "s", 2, _F.TYPE_BYTES, _F.LABEL_REPEATED)
    _field(values, "i", 3, _F.TYPE_INT64, _F.LABEL_REPEATED, packed=True)
    _field(values, "f", 4, _F.TYPE_FLOAT, _F.LABEL_REPEATED, packed=True)
    _field(values, "b", 5, _F.TYPE_BOOL, _F.LABEL_REPEATED, packed=True)
    attr.oneof_decl.add(name="value")
    for name, number, kind, type_name in (
            ("list", 1, _F.TYPE_MESSAGE, ".tensorflow.AttrValue.ListValue"),
            ("s", 2, _F.TYPE_BYTES, None),
            ("i", 3, _F.TYPE_INT64, None),
            ("f", 4, _F.TYPE_FLOAT, None),
            ("b", 5, _F.TYPE_BOOL, None),
            ("type", 6, _F.TYPE_ENUM, ".tensorflow.DataType"),
            ("shape", 7, _F.TYPE_MESSAGE, ".tensorflow.TensorShapeProto"),
            ("tensor", 8, _F.TYPE_MESSAGE, ".tensorflow.TensorProto")):
        _field(attr, name, number, kind, type_name=type_name).oneof_index = 0

    node = file.message_type.add(name="NodeDef")
    _field(node, "name", 1, _F.TYPE_STRING)
    _field(node, "op", 2, _F.TYPE_STRING)
    _field(node, "input", 3, _F.TYPE_STRING, _F.LABEL_REPEATED)
    _field(node, "device", 4, _F.TYPE_STRING)
    # map<string, AttrValue> attr = 5, spelled out as protobuf encodes maps.
    entry = node.nested_type.add(name="AttrEntry")
    entry.options.map_entry = True
    _field(entry, "key", 1, _F.TYPE_STRING)
    _field(entry, "value", 2, _F.TYPE_MESSAGE, type_name=".tensorflow.AttrValue")
    _field(node, "attr", 5, _F.TYPE_MESSAGE, _F.LABEL_REPEATED, ".tensorflow.NodeDef.AttrEntry")

    versions = file.message_type.add(name="VersionDef")
    _field(versions, "producer", 1, _F.TYPE_INT32)
    _field(versions, "min_consumer", 2, _F.TYPE_INT32)

    graph = file.message_type.add(name="GraphDef")
    _field(graph, "node", 1, _F.TYPE_MESSAGE, _F.LABEL_REPEATED, ".tensorflow.NodeDef")
    _field(graph, "versions", 4, _F.TYPE_MESSAGE, type_name=".tensorflow.VersionDef")

    # A private pool, so this never collides with a real TensorFlow install.
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    names = ("GraphDef", "NodeDef", "AttrValue", "TensorProto", "TensorShapeProto")
    return {n: _message_class(pool.FindMessageTypeByName("tensorflow." + n)) for n in names}


def _message_class(descriptor):
    # protobuf 4.21 (Debian 12) has only MessageFactory; newer ones replace it.
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(descriptor.file.pool).GetPrototype(descriptor)


class GraphBuilder:
    """Collects NodeDefs in the order a frozen Keras graph lists them."""

    def __init__(self):
        self.types = _schema()
        self.graph = self.types["GraphDef"]()
        # The producer version of the TensorFlow 2.x releases that write such
        # graphs; readers only compare it with their own minimum.
        self.graph.versions.producer = 1645

    def _node(self, name, op, inputs=(), **attrs):
        node = self.graph.node.add(name=name, op=op)
        node.input.extend(inputs)
        for key, value in attrs.items():
            node.attr[key].CopyFrom(value)
        return name

    def _attr(self, **value):
        attr = self.types["AttrValue"]()
        for key, item in value.items():
            if key == "ints":
                attr.list.SetInParent()  # an empty list is still a set value
                attr.list.i.extend(item)
            elif isinstance(item, (list, tuple)):
                raise TypeError(key)
            else:
                field = getattr(attr, key, None)
                if hasattr(field, "CopyFrom"):
                    field.CopyFrom(item)
                else:
                    setattr(attr, key, item)
        return attr

    def _shape(self, dims):
        shape = self.types["TensorShapeProto"]()
        for size in dims:
            shape.dim.add(size=size)
        return shape

    def placeholder(self, name, dims):
        return self._node(name, "Placeholder", dtype=self._attr(type=DT_FLOAT),
                          shape=self._attr(shape=self._shape(dims)))

    def const(self, name, array):
        array = np.ascontiguousarray(array)
        dtype = DT_FLOAT if array.dtype == np.float32 else DT_INT32
        tensor = self.types["TensorProto"](dtype=dtype, tensor_shape=self._shape(array.shape))
        tensor.tensor_content = array.astype("<f4" if dtype == DT_FLOAT else "<i4").tobytes()
        return self._node(name, "Const", dtype=self._attr(type=dtype), value=self._attr(tensor=tensor))

    def conv2d(self, name, x, kernel_hwio):
        kernel = self.const(name + "/ReadVariableOp", kernel_hwio.astype(np.float32))
        return self._node(name, "Conv2D", (x, kernel), T=self._attr(type=DT_FLOAT),
                          strides=self._attr(ints=[1, 1, 1, 1]), padding=self._attr(s=b"VALID"),
                          data_format=self._attr(s=b"NHWC"), dilations=self._attr(ints=[1, 1, 1, 1]),
                          use_cudnn_on_gpu=self._attr(b=True), explicit_paddings=self._attr(ints=[]))

    def bias_add(self, name, x, bias):
        bias = self.const(name + "/ReadVariableOp", bias.astype(np.float32))
        return self._node(name, "BiasAdd", (x, bias), T=self._attr(type=DT_FLOAT),
                          data_format=self._attr(s=b"NHWC"))

    def unary(self, name, op, x):
        return self._node(name, op, (x,), T=self._attr(type=DT_FLOAT))

    def max_pool(self, name, x, size):
        window = [1, size, size, 1]
        return self._node(name, "MaxPool", (x,), T=self._attr(type=DT_FLOAT),
                          ksize=self._attr(ints=window), strides=self._attr(ints=window),
                          padding=self._attr(s=b"VALID"), data_format=self._attr(s=b"NHWC"),
                          explicit_paddings=self._attr(ints=[]))

    def reshape(self, name, x, dims):
        shape = self.const(name + "/shape", np.array(dims, dtype=np.int32))
        return self._node(name, "Reshape", (x, shape), T=self._attr(type=DT_FLOAT),
                          Tshape=self._attr(type=DT_INT32))

    def matmul(self, name, x, weight):
        weight = self.const(name + "/ReadVariableOp", weight.astype(np.float32))
        return self._node(name, "MatMul", (x, weight), T=self._attr(type=DT_FLOAT),
                          transpose_a=self._attr(b=False), transpose_b=self._attr(b=False))

    def serialize(self):
        # Deterministic serialisation keeps the file (and its SHA-256) stable.
        return self.graph.SerializeToString(deterministic=True)


def keras_graph(net):
    """The frozen GraphDef a TensorFlow user gets from the Keras tutorial model.

    Layout is NHWC throughout, so the PyTorch weights are transposed: conv
    kernels OIHW -> HWIO, and the first dense layer's rows reordered from
    PyTorch's C,H,W flatten order to TensorFlow's H,W,C order.
    """
    w = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    g = GraphBuilder()
    x = g.placeholder("input", [1, 28, 28, 1])
    x = g.conv2d("sequential/conv2d/Conv2D", x, w["conv1.weight"].transpose(2, 3, 1, 0))
    x = g.bias_add("sequential/conv2d/BiasAdd", x, w["conv1.bias"])
    x = g.unary("sequential/conv2d/Relu", "Relu", x)
    x = g.max_pool("sequential/max_pooling2d/MaxPool", x, 2)
    x = g.conv2d("sequential/conv2d_1/Conv2D", x, w["conv2.weight"].transpose(2, 3, 1, 0))
    x = g.bias_add("sequential/conv2d_1/BiasAdd", x, w["conv2.bias"])
    x = g.unary("sequential/conv2d_1/Relu", "Relu", x)
    x = g.max_pool("sequential/max_pooling2d_1/MaxPool", x, 2)
    x = g.reshape("sequential/flatten/Reshape", x, [-1, 5 * 5 * 20])
    dense1 = w["dense1.weight"].reshape(200, 20, 5, 5).transpose(2, 3, 1, 0).reshape(500, 200)
    x = g.matmul("sequential/dense/MatMul", x, dense1)
    x = g.bias_add("sequential/dense/BiasAdd", x, w["dense1.bias"])
    x = g.unary("sequential/dense/Relu", "Relu", x)
    x = g.matmul("sequential/dense_1/MatMul", x, w["dense2.weight"].T)
    x = g.bias_add("sequential/dense_1/BiasAdd", x, w["dense2.bias"])
    x = g.unary("sequential/dense_1/Softmax", "Softmax", x)
    g.unary("Identity", "Identity", x)
    return g.serialize()
