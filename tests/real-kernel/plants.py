#!/usr/bin/env python3
"""Plant known release bugs into real Linux driver files (6.1 or 6.12).

Each plant names the file and, per kernel version, the exact line it
expects (so a different source version fails loudly instead of planting
nothing) and its replacement. The bugs are the same on both versions, so
kmodlint must report the same findings.
Usage: plants.py <module-dir> [6.1|6.12]
"""
import sys
from pathlib import Path

PLANT_ALLOC = (
    'MODULE_LICENSE("GPL");\n'
    "#include <linux/vmalloc.h>\n"
    "\n"
    "struct p9_sbe_plant_entry {\n\tu32 key;\n\tu32 value;\n};\n"
    "\n"
    "static __maybe_unused int p9_sbe_plant_table(void)\n{\n"
    "\tstruct p9_sbe_plant_entry *t = kzalloc(8192 * sizeof(*t), GFP_KERNEL);\n"
    "\tint sum;\n\n\tif (!t)\n\t\treturn -ENOMEM;\n"
    "\tsum = t[1].value;\n\tkfree(t);\n\treturn sum;\n}\n"
    "\n"
    "static __maybe_unused u32 p9_sbe_plant_small(void)\n{\n"
    "\tu32 *v = vzalloc(4 * sizeof(*v));\n\tu32 r;\n\n"
    "\tif (!v)\n\t\treturn 0;\n\tr = v[0];\n\tvfree(v);\n\treturn r;\n}\n"
    "\n"
    "static __maybe_unused void *p9_sbe_plant_array(u32 n)\n{\n"
    "\treturn kmalloc(n * sizeof(struct p9_sbe_plant_entry), GFP_KERNEL);\n}")

# (file, what, {version: (line, expected text, replacement)})
PLANTS = [
    ("e1000_main.c",
     "vmalloc -> kfree, through a struct field set in another function "
     "(e1000_setup_tx_resources stores vzalloc() memory in buffer_info)",
     {"6.1": (1931, "\tvfree(tx_ring->buffer_info);",
              "\tkfree(tx_ring->buffer_info);"),
      "6.12": (1928, "\tvfree(tx_ring->buffer_info);",
               "\tkfree(tx_ring->buffer_info);")}),
    ("phantom.c", "6.12's phantom.c no longer gets vfree() declared "
     "through its includes: the planted vfree() needs the header",
     {"6.1": None,
      "6.12": (20, "#include <linux/slab.h>",
               "#include <linux/slab.h>\n#include <linux/vmalloc.h>")}),
    ("phantom.c", "kmalloc -> vfree on probe's error path",
     {"6.1": (423, "\tkfree(pht);", "\tvfree(pht);"),
      "6.12": (425, "\tkfree(pht);", "\tvfree(pht);")}),
    ("p9_sbe.c", "kvmalloc -> kfree, field stored in another function",
     {"6.1": (180, "\tkvfree(ctx->ffdc);", "\tkfree(ctx->ffdc);"),
      "6.12": (180, "\tkvfree(ctx->ffdc);", "\tkfree(ctx->ffdc);")}),
    ("i2c-ocores.c",
     "devm_kzalloc -> kfree in remove, reached through platform_get_drvdata() "
     "(6.12's remove returns void)",
     {"6.1": (761, "\treturn 0;", "\tkfree(i2c);\n\treturn 0;"),
      "6.12": (736, "\ti2c_del_adapter(&i2c->adap);",
               "\ti2c_del_adapter(&i2c->adap);\n\tkfree(i2c);")}),
    ("heap.c", "kmem_cache_alloc -> kfree, forbidden before 6.4",
     {"6.1": (286, "\tkmem_cache_free(b_cache, val);", "\tkfree(val);"),
      "6.12": (346, "\tkmem_cache_free(b_cache, val);", "\tkfree(val);")}),
    ("i2c-ocores.c", "a sleep in the hard IRQ handler registered in probe",
     {"6.1": (247, "\tocores_process(i2c, stat);",
              "\tmsleep(1);\n\tocores_process(i2c, stat);"),
      "6.12": (236, "\tocores_process(i2c, stat);",
               "\tmsleep(1);\n\tocores_process(i2c, stat);")}),
    ("phantom.c", "a GFP_KERNEL allocation under spin_lock_irqsave()",
     {"6.1": (104, "\t\tspin_lock_irqsave(&dev->regs_lock, flags);",
              "\t\tspin_lock_irqsave(&dev->regs_lock, flags);\n"
              "\t\tkfree(kmalloc(16, GFP_KERNEL));"),
      "6.12": (107, "\t\tspin_lock_irqsave(&dev->regs_lock, flags);",
               "\t\tspin_lock_irqsave(&dev->regs_lock, flags);\n"
               "\t\tkfree(kmalloc(16, GFP_KERNEL));")}),
    ("p9_sbe.c", "kvmalloc() with an atomic mask: unsupported",
     {"6.1": (62, "\t\t\tctx->ffdc = kvmalloc(resp_len, GFP_KERNEL);",
              "\t\t\tctx->ffdc = kvmalloc(resp_len, GFP_ATOMIC);"),
      "6.12": (62, "\t\t\tctx->ffdc = kvmalloc(resp_len, GFP_KERNEL);",
               "\t\t\tctx->ffdc = kvmalloc(resp_len, GFP_ATOMIC);")}),
    ("p9_sbe.c", "allocation shape: a 64 KiB kzalloc() kvzalloc() would do, "
     "a 16-byte vzalloc(), an unchecked n * size (6.12: all three macros)",
     {"6.1": (205, 'MODULE_LICENSE("GPL");', PLANT_ALLOC),
      "6.12": (203, 'MODULE_LICENSE("GPL");', PLANT_ALLOC)}),
]


def main() -> int:
    module = Path(sys.argv[1])
    version = sys.argv[2] if len(sys.argv) > 2 else "6.1"
    # Plant from the bottom of each file up, so line numbers stay valid.
    planted = [p for p in PLANTS if p[2][version]]
    ordered = sorted(planted, key=lambda p: (p[0], -p[2][version][0]))
    for name, _what, versions in ordered:
        line, old, new = versions[version]
        path = module / name
        lines = path.read_text().split("\n")
        if lines[line - 1] != old:
            print(f"plants.py: {path}:{line} is {lines[line - 1]!r}, "
                  f"expected {old!r}", file=sys.stderr)
            return 1
        lines[line - 1] = new
        path.write_text("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
