#ifndef _KMODLINT_LINUX_NETDEVICE_H
#define _KMODLINT_LINUX_NETDEVICE_H
#include <linux/types.h>
#include <linux/device.h>
struct sk_buff { unsigned int len; unsigned char *data; };
struct net_device { char name[16]; struct device dev; };
typedef enum netdev_tx { NETDEV_TX_OK = 0, NETDEV_TX_BUSY = 0x10 } netdev_tx_t;
struct net_device_ops {
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
};
void *netdev_priv(const struct net_device *dev);
void dev_kfree_skb_any(struct sk_buff *skb);
#endif
