// A constructor that frees its own allocation and returns ERR_PTR() on
// failure: after IS_ERR()/PTR_ERR_OR_ZERO() says it failed, nothing is
// held (ice_eswitch_br.c's rule constructors in 6.12). And the name given
// to request_irq() belongs to the irqaction: free_irq() returns it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/interrupt.h>

struct demo_rule { int id; };
int demo_hw_add(struct demo_rule *rule);

static struct demo_rule *demo_rule_create(int id)
{
	struct demo_rule *rule = kzalloc(sizeof(*rule), GFP_KERNEL);

	if (!rule)
		return ERR_PTR(-ENOMEM);
	rule->id = id;
	if (demo_hw_add(rule)) {
		kfree(rule);
		return ERR_PTR(-EIO);
	}
	return rule;
}

int demo_flow_create(struct demo_rule **out)
{
	struct demo_rule *rule = demo_rule_create(1);
	int err = PTR_ERR_OR_ZERO(rule);

	if (err)
		return err;
	*out = rule;
	return 0;
}

static irqreturn_t demo_isr(int irq, void *data)
{
	return IRQ_HANDLED;
}

int demo_req_irq(int irq, void *priv)
{
	char *name = kasprintf(GFP_KERNEL, "demo-%d", irq);
	int ret;

	if (!name)
		return -ENOMEM;
	ret = request_irq(irq, demo_isr, 0, name, priv);
	if (ret)
		kfree(name);
	return ret;
}
