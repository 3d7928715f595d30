"""Makes the small test fixtures under src/test/resources/pretrained (run once, results committed).

  /usr/bin/python3 make_fixtures.py BACKBONE_DIR

1. pictures/*.png: three 224 x 224 pictures (drawn shapes, a gradient with stripes, one
   Fashion-MNIST test image scaled up when /usr/share/datasets/fashion-mnist exists) and
   embeddings.json, their embeddings by tm_reference.py (../shared/bench next to the project, 6 decimals).
2. tiny/: a TF.js layers model of 8 x 8 x 3 pictures that uses every layer kind the loader knows
   (nested Sequential and Model, ZeroPadding2D, Conv2D, DepthwiseConv2D, BatchNormalization,
   ReLU with max_value 6, Add, Dense, Dropout, GlobalAveragePooling2D), its weights in two
   manifest groups and three shard files (kept as text in shards.json; the tests write the .bin files), not in layer order, and expected.json: its outputs
   for two inputs, computed here layer by layer in PyTorch without any folding.
"""
import gzip, json, os, subprocess, sys
import numpy as np, torch, torch.nn.functional as F
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, "../../../../../shared/bench/tm_reference.py")


def pictures(backbone):
    out = os.path.join(HERE, "pictures")
    os.makedirs(out, exist_ok=True)
    im = Image.new("RGB", (224, 224), (30, 60, 200))
    d = ImageDraw.Draw(im)
    d.ellipse([40, 50, 150, 170], fill=(250, 30, 40))
    d.rectangle([120, 20, 200, 90], fill=(20, 200, 60))
    d.polygon([(10, 210), (110, 120), (210, 215)], fill=(240, 220, 20))
    im.save(os.path.join(out, "shapes.png"))
    im = Image.new("RGB", (224, 224))
    d = ImageDraw.Draw(im)
    for y in range(224):
        d.line([(0, y), (223, y)], fill=(y, 255 - y, (y * 3) % 256))
    for x in range(0, 224, 16):
        d.line([(x, 0), (223 - x, 223)], fill=(255, 255, 255), width=3)
    im.save(os.path.join(out, "stripes.png"))
    fm = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"
    if os.path.exists(fm):
        raw = np.frombuffer(gzip.open(fm).read()[16:], dtype=np.uint8).reshape(-1, 28, 28)
        Image.fromarray(raw[0]).convert("RGB").resize((224, 224), Image.BILINEAR).save(os.path.join(out, "fashion.png"))
    files = sorted(f for f in os.listdir(out) if f.endswith(".png"))
    lines = subprocess.run([sys.executable, REF, "embed", backbone] + [os.path.join(out, f) for f in files],
                           check=True, capture_output=True, text=True).stdout.split("\n")
    table = {j["file"]: j["embedding"] for j in map(json.loads, filter(None, lines))}
    with open(os.path.join(HERE, "embeddings.json"), "w") as f:
        json.dump(table, f, separators=(",", ":"))


def layer(cls, name, inbound, **config):
    config["name"] = name
    return {"name": name, "class_name": cls, "config": config,
            "inbound_nodes": [[[i, 0, 0, {}] for i in inbound]] if inbound else []}


def tiny():
    rng = np.random.default_rng(7)
    W = {}

    def t(name, *shape, positive=False):
        v = rng.uniform(0.5, 1.5, shape) if positive else rng.normal(0, 0.5, shape)
        W[name] = v.astype(np.float32)
        return W[name]

    def bn(name, c, center=True, scale=True):
        if scale:
            t(name + "/gamma", c, positive=True)
        if center:
            t(name + "/beta", c)
        t(name + "/moving_mean", c)
        t(name + "/moving_variance", c, positive=True)

    t("conv1/kernel", 3, 3, 3, 4); bn("bn1", 4)
    t("dw/depthwise_kernel", 3, 3, 4, 1); bn("dw_bn", 4)
    t("proj/kernel", 1, 1, 4, 4); bn("proj_bn", 4)
    t("expand/kernel", 1, 1, 4, 6); t("expand/bias", 6)
    t("dw2/depthwise_kernel", 3, 3, 6, 1); t("dw2/bias", 6); bn("dw2_bn", 6, center=False)
    t("dense_a/kernel", 6, 5); t("dense_a/bias", 5)
    t("dense_b/kernel", 5, 3)

    relu6 = {"max_value": 6}
    layers = [
        layer("InputLayer", "input_1", [], batch_input_shape=[None, 8, 8, 3], dtype="float32"),
        layer("ZeroPadding2D", "pad1", ["input_1"], padding=[[0, 1], [0, 1]], data_format="channels_last"),
        layer("Conv2D", "conv1", ["pad1"], filters=4, kernel_size=[3, 3], strides=[2, 2], padding="valid",
              use_bias=False, activation="linear", data_format="channels_last", dilation_rate=[1, 1]),
        layer("BatchNormalization", "bn1", ["conv1"], axis=-1, epsilon=0.001),
        layer("ReLU", "relu1", ["bn1"], **relu6),
        layer("DepthwiseConv2D", "dw", ["relu1"], kernel_size=[3, 3], strides=[1, 1], padding="same",
              depth_multiplier=1, use_bias=False, activation="linear"),
        layer("BatchNormalization", "dw_bn", ["dw"], axis=-1, epsilon=0.01),
        layer("ReLU", "dw_relu", ["dw_bn"], **relu6),
        layer("Conv2D", "proj", ["dw_relu"], filters=4, kernel_size=[1, 1], strides=[1, 1], padding="same",
              use_bias=False, activation="linear"),
        layer("BatchNormalization", "proj_bn", ["proj"], axis=-1, epsilon=0.001),
        layer("Add", "add", ["relu1", "proj_bn"]),
        layer("Conv2D", "expand", ["add"], filters=6, kernel_size=[1, 1], strides=[1, 1], padding="valid",
              use_bias=True, activation="relu"),
        layer("ZeroPadding2D", "pad2", ["expand"], padding=[[0, 1], [0, 1]]),
        layer("DepthwiseConv2D", "dw2", ["pad2"], kernel_size=[3, 3], strides=[2, 2], padding="valid",
              depth_multiplier=1, use_bias=True, activation="linear"),
        layer("BatchNormalization", "dw2_bn", ["dw2"], axis=-1, epsilon=0.001, center=False, scale=True),
        layer("ReLU", "out_relu", ["dw2_bn"], **relu6),
    ]
    functional = {"class_name": "Model", "config": {"name": "tiny_model", "layers": layers,
                  "input_layers": [["input_1", 0, 0]], "output_layers": [["out_relu", 0, 0]]}}
    topology = {"class_name": "Sequential", "config": {"name": "outer", "layers": [
        {"class_name": "Sequential", "config": {"name": "features", "layers": [
            functional, {"class_name": "GlobalAveragePooling2D", "config": {"name": "gap", "data_format": "channels_last"}}]}},
        {"class_name": "Sequential", "config": {"name": "head", "layers": [
            {"class_name": "Dense", "config": {"name": "dense_a", "units": 5, "activation": "relu", "use_bias": True,
                                               "batch_input_shape": [None, 6]}},
            {"class_name": "Dropout", "config": {"name": "drop", "rate": 0.5}},
            {"class_name": "Dense", "config": {"name": "dense_b", "units": 3, "activation": "softmax", "use_bias": False}}]}}]}}

    # two groups: the batch-norm statistics last, as TM stores them; group 0 split into two shards
    names = list(W)
    stats = [n for n in names if "moving" in n]
    rest = [n for n in names if "moving" not in n]
    groups = [("group1", rest, 2), ("group2", stats, 1)]
    manifest = []
    texts = {}
    d = os.path.join(HERE, "tiny")
    for gname, members, shards in groups:
        blob = b"".join(W[n].astype("<f4").tobytes() for n in members)
        cut = len(blob) // shards // 4 * 4
        parts = [blob[:cut], blob[cut:]] if shards == 2 else [blob]
        paths = []
        for i, part in enumerate(parts):
            p = f"{gname}-shard{i + 1}of{len(parts)}.bin"
            # no weight file is committed: the numbers go in as text, and the tests write the shard
            texts[p] = [repr(float(v)) for v in np.frombuffer(part, dtype="<f4")]
            paths.append(p)
        manifest.append({"paths": paths, "weights": [{"name": n, "shape": list(W[n].shape), "dtype": "float32"} for n in members]})
    with open(os.path.join(d, "shards.json"), "w") as fh:
        fh.write("{\n" + ",\n".join(f'  "{k}": [{", ".join(v)}]' for k, v in texts.items()) + "\n}\n")
    json.dump({"modelTopology": topology, "weightsManifest": manifest, "format": "layers-model"},
              open(os.path.join(d, "model.json"), "w"), indent=1)

    def conv(x, k, stride=1, pad=None, depthwise=False, bias=None):
        if pad:
            x = F.pad(x, pad)
        k = torch.from_numpy(k)
        k = k.permute(2, 3, 0, 1) if depthwise else k.permute(3, 2, 0, 1)
        return F.conv2d(x, k, None if bias is None else torch.from_numpy(bias), stride=stride,
                        groups=x.shape[1] if depthwise else 1)

    def norm(x, name, eps, center=True):
        g = torch.from_numpy(W[name + "/gamma"])[None, :, None, None]
        b = torch.from_numpy(W[name + "/beta"])[None, :, None, None] if center else 0
        m = torch.from_numpy(W[name + "/moving_mean"])[None, :, None, None]
        v = torch.from_numpy(W[name + "/moving_variance"])[None, :, None, None]
        return (x - m) / torch.sqrt(v + eps) * g + b

    cases = []
    for seed in (1, 2):
        x = torch.from_numpy(np.round(np.random.default_rng(seed).uniform(-1, 1, (1, 8, 8, 3)), 6).astype(np.float32))
        h = x.permute(0, 3, 1, 2)
        h = norm(conv(h, W["conv1/kernel"], 2, (0, 1, 0, 1)), "bn1", 1e-3).clamp(0, 6)
        r = h
        h = norm(conv(h, W["dw/depthwise_kernel"], 1, (1, 1, 1, 1), True), "dw_bn", 1e-2).clamp(0, 6)
        h = norm(conv(h, W["proj/kernel"]), "proj_bn", 1e-3) + r
        h = conv(h, W["expand/kernel"], bias=W["expand/bias"]).clamp(min=0)
        h = conv(h, W["dw2/depthwise_kernel"], 2, (0, 1, 0, 1), True, W["dw2/bias"])
        feat = norm(h, "dw2_bn", 1e-3, center=False).clamp(0, 6)
        e = feat.mean(dim=(2, 3))
        a = (e @ torch.from_numpy(W["dense_a/kernel"]) + torch.from_numpy(W["dense_a/bias"])).clamp(min=0)
        p = torch.softmax(a @ torch.from_numpy(W["dense_b/kernel"]), dim=1)
        cases.append({"input_hwc": [round(float(v), 6) for v in x.flatten()],
                      "out_relu_hwc": [float(v) for v in feat.permute(0, 2, 3, 1).flatten()],
                      "output": [float(v) for v in p.flatten()]})
    json.dump(cases, open(os.path.join(d, "expected.json"), "w"))


if __name__ == "__main__":
    tiny()
    pictures(sys.argv[1])
