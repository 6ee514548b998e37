// The kernel's floor for one message event on loopback TCP: a client writes a small message (150 bytes,
// TCP_NODELAY), waits for it in epoll and reads the echo, N times, and reports its own CPU time (user +
// system) per message event (one write or one read). With a gap between messages the process sleeps between
// events, as a load generator at a human message rate does, and every event also pays a wake-up.
//
//   cc -O2 -o /tmp/loopback-floor scripts/bench/loopback-floor.c
//   /tmp/loopback-floor 200000 0      # back to back
//   /tmp/loopback-floor 20000 500     # 500 µs between messages
//
// No Swift, no NIO, no JSON: what chatstorm's engine costs per message event beyond this is its own.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s MESSAGES GAP_MICROSECONDS\n", argv[0]);
        return 64;
    }
    int messages = atoi(argv[1]), gap = atoi(argv[2]), one = 1;
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t length = sizeof address;
    bind(listener, (struct sockaddr *)&address, sizeof address);
    listen(listener, 1);
    getsockname(listener, (struct sockaddr *)&address, &length);
    if (fork() == 0) {  // the echo server, in its own process (its CPU is not counted)
        int connection = accept(listener, 0, 0);
        setsockopt(connection, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        char buffer[4096];
        ssize_t got;
        while ((got = read(connection, buffer, sizeof buffer)) > 0) write(connection, buffer, got);
        return 0;
    }
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&address, sizeof address);
    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int poller = epoll_create1(0);
    struct epoll_event interest = {.events = EPOLLIN, .data.fd = client}, ready;
    epoll_ctl(poller, EPOLL_CTL_ADD, client, &interest);
    char message[150], buffer[4096];
    memset(message, 'x', sizeof message);
    double start = cpu_seconds();
    for (int i = 0; i < messages; i++) {
        write(client, message, sizeof message);
        epoll_wait(poller, &ready, 1, -1);
        read(client, buffer, sizeof buffer);
        if (gap > 0) {
            struct timespec pause = {0, gap * 1000L};
            nanosleep(&pause, 0);
        }
    }
    printf("%d round trips, %d µs apart: %.2f µs CPU per message event (one write or one read)\n", messages, gap,
           (cpu_seconds() - start) / messages / 2 * 1e6);
    return 0;
}
