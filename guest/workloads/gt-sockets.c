/*
 * gt-sockets DIR: sockets of each kind strace's -yy describes, each made,
 * bound or connected, and given data: a unix stream pair and a unix
 * datagram pair (with sendmsg, recvmsg, sendmmsg, recvmmsg), a unix
 * stream listener bound in DIR with a client and the accepted socket, an
 * abstract unix name, TCP on 127.0.0.1 and on ::1 (listener, client
 * bound to a fixed port, accepted socket), UDP and UDP-Lite on 127.0.0.1,
 * and a netlink route socket. Traced once under strace -yy on a host and once
 * under guestrace in the lab guest (test/e2e/options_test.go), it must
 * print the same lines but for inode numbers and the netlink port id.
 * Buffers lie in the arena (arena.h) so that pointers print alike.
 * Exit status 0, or 1 and a message naming the call that broke the plan.
 */
#define _GNU_SOURCE
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#define GT_PROG "gt-sockets"
#include "arena.h"

#define TCP_PORT 47111
#define TCP_CLIENT 47112
#define UDP_PORT 47113
#define TCP6_PORT 47114
#define TCP6_CLIENT 47115
#define LITE_PORT 47116


static struct iovec *iov1(const char *s, size_t n)
{
	struct iovec *v = A(sizeof(*v));
	*v = (struct iovec){ s ? M(s, n) : A(n), n };
	return v;
}

/* Unix pairs, and the message calls on them. */
static void pairs(void)
{
	int *sv = A(2 * sizeof(int));
	OK("socketpair stream", syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv));
	want("write", syscall(SYS_write, 3, S("ab"), 2), 2);
	want("read", syscall(SYS_read, 4, A(16), 16), 2);
	struct msghdr *mh = A(sizeof(*mh));
	struct iovec *two = A(2 * sizeof(*two));
	two[0] = (struct iovec){ S("msg"), 3 };
	two[1] = (struct iovec){ S("hdr"), 3 };
	*mh = (struct msghdr){ .msg_iov = two, .msg_iovlen = 2 };
	want("sendmsg", syscall(SYS_sendmsg, 3, mh, 0), 6);
	struct msghdr *rh = A(sizeof(*rh));
	*rh = (struct msghdr){ .msg_iov = iov1(NULL, 16), .msg_iovlen = 1 };
	want("recvmsg", syscall(SYS_recvmsg, 4, rh, 0), 6);

	OK("socketpair dgram", syscall(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv));
	struct mmsghdr *out = A(2 * sizeof(*out));
	out[0].msg_hdr = (struct msghdr){ .msg_iov = iov1("one", 3), .msg_iovlen = 1 };
	out[1].msg_hdr = (struct msghdr){ .msg_iov = two, .msg_iovlen = 2 };
	want("sendmmsg", syscall(SYS_sendmmsg, 5, out, 2, 0), 2);
	struct mmsghdr *in = A(2 * sizeof(*in));
	in[0].msg_hdr = (struct msghdr){ .msg_iov = iov1(NULL, 16), .msg_iovlen = 1 };
	in[1].msg_hdr = (struct msghdr){ .msg_iov = iov1(NULL, 16), .msg_iovlen = 1 };
	want("recvmmsg", syscall(SYS_recvmmsg, 6, in, 2, MSG_DONTWAIT, NULL), 2);
	OK("close_range", syscall(SYS_close_range, 3, 6, 0));
}

/* A unix listener bound in the working directory, and an abstract name. */
static void named(void)
{
	struct sockaddr_un *un = A(sizeof(*un));
	un->sun_family = AF_UNIX;
	strcpy(un->sun_path, "gt-listen");
	socklen_t len = offsetof(struct sockaddr_un, sun_path) + 10;
	want("socket listener", syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0), 3);
	OK("bind listener", syscall(SYS_bind, 3, un, len));
	OK("listen unix", syscall(SYS_listen, 3, 1));
	want("socket client", syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0), 4);
	OK("connect unix", syscall(SYS_connect, 4, un, len));
	want("accept unix", syscall(SYS_accept, 3, NULL, NULL), 5);
	want("write unix", syscall(SYS_write, 4, S("hi"), 2), 2);
	want("read unix", syscall(SYS_read, 5, A(16), 16), 2);
	OK("unlink", syscall(SYS_unlink, S("gt-listen")));

	struct sockaddr_un *ab = A(sizeof(*ab));
	ab->sun_family = AF_UNIX;
	memcpy(ab->sun_path, "\0gt-abstract", 12);
	want("socket abstract", syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0), 6);
	OK("bind abstract", syscall(SYS_bind, 6, ab, offsetof(struct sockaddr_un, sun_path) + 12));
	want("sendto abstract", syscall(SYS_sendto, 6, S("self"), 4, 0, ab, offsetof(struct sockaddr_un, sun_path) + 12), 4);
	want("recvfrom abstract", syscall(SYS_recvfrom, 6, A(16), 16, 0, NULL, NULL), 4);
	OK("close_range", syscall(SYS_close_range, 3, 6, 0));
}

/* TCP on loopback: listener L, client C bound to a fixed port, accepted A. */
static void tcp(int family, int l, const void *at, const void *from, socklen_t len)
{
	int *on = A(sizeof(int));
	*on = 1;
	want("socket tcp", syscall(SYS_socket, family, SOCK_STREAM, IPPROTO_TCP), l);
	OK("setsockopt listener", syscall(SYS_setsockopt, l, SOL_SOCKET, SO_REUSEADDR, on, sizeof(int)));
	OK("bind listener", syscall(SYS_bind, l, at, len));
	OK("listen", syscall(SYS_listen, l, 1));
	want("socket client", syscall(SYS_socket, family, SOCK_STREAM, IPPROTO_TCP), l + 1);
	OK("setsockopt client", syscall(SYS_setsockopt, l + 1, SOL_SOCKET, SO_REUSEADDR, on, sizeof(int)));
	OK("bind client", syscall(SYS_bind, l + 1, from, len));
	OK("connect", syscall(SYS_connect, l + 1, at, len));
	want("accept", syscall(SYS_accept, l, NULL, NULL), l + 2);
	want("write tcp", syscall(SYS_write, l + 1, S("tcp"), 3), 3);
	want("read tcp", syscall(SYS_read, l + 2, A(16), 16), 3);
}

static void inet(void)
{
	struct sockaddr_in *at = A(sizeof(*at)), *from = A(sizeof(*from));
	*at = (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = htons(TCP_PORT), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	*from = *at;
	from->sin_port = htons(TCP_CLIENT);
	tcp(AF_INET, 3, at, from, sizeof(*at));

	struct sockaddr_in *udp = A(sizeof(*udp));
	*udp = (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = htons(UDP_PORT), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	want("socket udp", syscall(SYS_socket, AF_INET, SOCK_DGRAM, IPPROTO_UDP), 6);
	OK("bind udp", syscall(SYS_bind, 6, udp, sizeof(*udp)));
	want("sendto udp", syscall(SYS_sendto, 6, S("udp"), 3, 0, udp, sizeof(*udp)), 3);
	want("recvfrom udp", syscall(SYS_recvfrom, 6, A(16), 16, 0, NULL, NULL), 3);

	struct sockaddr_in6 *at6 = A(sizeof(*at6)), *from6 = A(sizeof(*from6));
	*at6 = (struct sockaddr_in6){ .sin6_family = AF_INET6, .sin6_port = htons(TCP6_PORT), .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	*from6 = *at6;
	from6->sin6_port = htons(TCP6_CLIENT);
	tcp(AF_INET6, 7, at6, from6, sizeof(*at6));
	OK("close_range", syscall(SYS_close_range, 3, 9, 0));
}

/* UDP-Lite, whose name strace does not know: described once bound.
 * A kernel without it (EPROTONOSUPPORT) skips it. */
static void lite(void)
{
	if (syscall(SYS_socket, AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE) != 3)
		return;
	struct sockaddr_in *at = A(sizeof(*at));
	*at = (struct sockaddr_in){ .sin_family = AF_INET, .sin_port = htons(LITE_PORT), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	OK("bind udplite", syscall(SYS_bind, 3, at, sizeof(*at)));
	OK("close", syscall(SYS_close, 3));
}

static void netlink(void)
{
	struct sockaddr_nl *nl = A(sizeof(*nl));
	nl->nl_family = AF_NETLINK;
	want("socket netlink", syscall(SYS_socket, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), 3);
	OK("bind netlink", syscall(SYS_bind, 3, nl, sizeof(*nl)));
	OK("close", syscall(SYS_close, 3));
}

int main(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] != '/') {
		static const char m[] = "usage: gt-sockets /ABSOLUTE/DIR\n";
		syscall(SYS_write, 2, m, sizeof(m) - 1);
		return 2;
	}
	if (arena_map() != 0)
		return 1;
	syscall(SYS_close_range, 3, ~0U, 0);
	OK("chdir", syscall(SYS_chdir, argv[1]));

	syscall(SYS_close, -100); /* the marker */
	pairs();
	named();
	inet();
	lite();
	netlink();
	static const char done[] = "gt-sockets: done\n";
	syscall(SYS_write, 1, S(done), sizeof(done) - 1);
	syscall(SYS_exit_group, 0);
	return 0;
}
