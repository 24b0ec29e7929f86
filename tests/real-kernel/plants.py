#!/usr/bin/env python3
"""Plant known release bugs into real Linux 6.1 driver files.

Each plant names the file, the exact line it expects (so a different source
version fails loudly instead of planting nothing) and its replacement.
Usage: plants.py <module-dir>
"""
import sys
from pathlib import Path

PLANTS = [
    # vmalloc -> kfree, through a struct field set in another function
    # (e1000_setup_tx_resources stores vzalloc() memory in buffer_info).
    ("e1000_main.c", 1931, "\tvfree(tx_ring->buffer_info);",
     "\tkfree(tx_ring->buffer_info);"),
    # kmalloc -> vfree on probe's error path.
    ("phantom.c", 423, "\tkfree(pht);", "\tvfree(pht);"),
    # kvmalloc -> kfree, field stored in another function.
    ("p9_sbe.c", 180, "\tkvfree(ctx->ffdc);", "\tkfree(ctx->ffdc);"),
    # devm_kzalloc -> kfree, reached through platform_get_drvdata().
    ("i2c-ocores.c", 761, "\treturn 0;", "\tkfree(i2c);\n\treturn 0;"),
    # kmem_cache_alloc -> kfree, forbidden before 6.4.
    ("heap.c", 286, "\tkmem_cache_free(b_cache, val);", "\tkfree(val);"),
    # A sleep in the hard IRQ handler registered in probe.
    ("i2c-ocores.c", 247, "\tocores_process(i2c, stat);",
     "\tmsleep(1);\n\tocores_process(i2c, stat);"),
    # A GFP_KERNEL allocation under spin_lock_irqsave().
    ("phantom.c", 104, "\t\tspin_lock_irqsave(&dev->regs_lock, flags);",
     "\t\tspin_lock_irqsave(&dev->regs_lock, flags);\n"
     "\t\tkfree(kmalloc(16, GFP_KERNEL));"),
    # kvmalloc() with an atomic mask: unsupported.
    ("p9_sbe.c", 62, "\t\t\tctx->ffdc = kvmalloc(resp_len, GFP_KERNEL);",
     "\t\t\tctx->ffdc = kvmalloc(resp_len, GFP_ATOMIC);"),
]


def main() -> int:
    module = Path(sys.argv[1])
    for name, line, old, new in PLANTS:
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
