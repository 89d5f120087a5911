package linux

// i386Table is the i386 system-call table of a 64-bit x86 kernel
// (arch/x86/entry/syscalls/syscall_32.tbl, Linux 6.1): number, name,
// native entry point and compat entry point. "=" is the name itself; a
// missing field has no entry. The kernel runs the compat entry when there
// is one (as __ia32_compat_sys_X), else the native one (__ia32_sys_X).
const i386Table = `
0 restart_syscall
1 exit
2 fork
3 read
4 write
5 open = open
6 close
7 waitpid
8 creat
9 link
10 unlink
11 execve = execve
12 chdir
13 time time32
14 mknod
15 chmod
16 lchown lchown16
18 oldstat stat
19 lseek = lseek
20 getpid
21 mount
22 umount oldumount
23 setuid setuid16
24 getuid getuid16
25 stime stime32
26 ptrace = ptrace
27 alarm
28 oldfstat fstat
29 pause
30 utime utime32
33 access
34 nice
36 sync
37 kill
38 rename
39 mkdir
40 rmdir
41 dup
42 pipe
43 times = times
45 brk
46 setgid setgid16
47 getgid getgid16
48 signal
49 geteuid geteuid16
50 getegid getegid16
51 acct
52 umount2 umount
54 ioctl = ioctl
55 fcntl fcntl fcntl64
57 setpgid
59 oldolduname olduname
60 umask
61 chroot
62 ustat = ustat
63 dup2
64 getppid
65 getpgrp
66 setsid
67 sigaction = sigaction
68 sgetmask
69 ssetmask
70 setreuid setreuid16
71 setregid setregid16
72 sigsuspend
73 sigpending = sigpending
74 sethostname
75 setrlimit = setrlimit
76 getrlimit old_getrlimit old_getrlimit
77 getrusage = getrusage
78 gettimeofday = gettimeofday
79 settimeofday = settimeofday
80 getgroups getgroups16
81 setgroups setgroups16
82 select old_select old_select
83 symlink
84 oldlstat lstat
85 readlink
86 uselib
87 swapon
88 reboot
89 readdir old_readdir old_readdir
90 mmap old_mmap ia32_mmap
91 munmap
92 truncate = truncate
93 ftruncate = ftruncate
94 fchmod
95 fchown fchown16
96 getpriority
97 setpriority
99 statfs = statfs
100 fstatfs = fstatfs
101 ioperm
102 socketcall = socketcall
103 syslog
104 setitimer = setitimer
105 getitimer = getitimer
106 stat newstat newstat
107 lstat newlstat newlstat
108 fstat newfstat newfstat
109 olduname uname
110 iopl
111 vhangup
113 vm86old
114 wait4 = wait4
115 swapoff
116 sysinfo = sysinfo
117 ipc = ipc
118 fsync
119 sigreturn = sigreturn
120 clone = ia32_clone
121 setdomainname
122 uname newuname
123 modify_ldt
124 adjtimex adjtimex_time32
125 mprotect
126 sigprocmask = sigprocmask
128 init_module
129 delete_module
131 quotactl
132 getpgid
133 fchdir
135 sysfs
136 personality
138 setfsuid setfsuid16
139 setfsgid setfsgid16
140 _llseek llseek
141 getdents = getdents
142 _newselect select select
143 flock
144 msync
145 readv
146 writev
147 getsid
148 fdatasync
150 mlock
151 munlock
152 mlockall
153 munlockall
154 sched_setparam
155 sched_getparam
156 sched_setscheduler
157 sched_getscheduler
158 sched_yield
159 sched_get_priority_max
160 sched_get_priority_min
161 sched_rr_get_interval sched_rr_get_interval_time32
162 nanosleep nanosleep_time32
163 mremap
164 setresuid setresuid16
165 getresuid getresuid16
166 vm86
168 poll
170 setresgid setresgid16
171 getresgid getresgid16
172 prctl
173 rt_sigreturn = rt_sigreturn
174 rt_sigaction = rt_sigaction
175 rt_sigprocmask = rt_sigprocmask
176 rt_sigpending = rt_sigpending
177 rt_sigtimedwait rt_sigtimedwait_time32 rt_sigtimedwait_time32
178 rt_sigqueueinfo = rt_sigqueueinfo
179 rt_sigsuspend = rt_sigsuspend
180 pread64 ia32_pread64
181 pwrite64 ia32_pwrite64
182 chown chown16
183 getcwd
184 capget
185 capset
186 sigaltstack = sigaltstack
187 sendfile = sendfile
190 vfork
191 ugetrlimit getrlimit getrlimit
192 mmap2 mmap_pgoff
193 truncate64 ia32_truncate64
194 ftruncate64 ia32_ftruncate64
195 stat64 stat64 ia32_stat64
196 lstat64 lstat64 ia32_lstat64
197 fstat64 fstat64 ia32_fstat64
198 lchown32 lchown
199 getuid32 getuid
200 getgid32 getgid
201 geteuid32 geteuid
202 getegid32 getegid
203 setreuid32 setreuid
204 setregid32 setregid
205 getgroups32 getgroups
206 setgroups32 setgroups
207 fchown32 fchown
208 setresuid32 setresuid
209 getresuid32 getresuid
210 setresgid32 setresgid
211 getresgid32 getresgid
212 chown32 chown
213 setuid32 setuid
214 setgid32 setgid
215 setfsuid32 setfsuid
216 setfsgid32 setfsgid
217 pivot_root
218 mincore
219 madvise
220 getdents64
221 fcntl64 = fcntl64
224 gettid
225 readahead ia32_readahead
226 setxattr
227 lsetxattr
228 fsetxattr
229 getxattr
230 lgetxattr
231 fgetxattr
232 listxattr
233 llistxattr
234 flistxattr
235 removexattr
236 lremovexattr
237 fremovexattr
238 tkill
239 sendfile64
240 futex futex_time32
241 sched_setaffinity = sched_setaffinity
242 sched_getaffinity = sched_getaffinity
243 set_thread_area
244 get_thread_area
245 io_setup = io_setup
246 io_destroy
247 io_getevents io_getevents_time32
248 io_submit = io_submit
249 io_cancel
250 fadvise64 ia32_fadvise64
252 exit_group
253 lookup_dcookie = lookup_dcookie
254 epoll_create
255 epoll_ctl
256 epoll_wait
257 remap_file_pages
258 set_tid_address
259 timer_create = timer_create
260 timer_settime timer_settime32
261 timer_gettime timer_gettime32
262 timer_getoverrun
263 timer_delete
264 clock_settime clock_settime32
265 clock_gettime clock_gettime32
266 clock_getres clock_getres_time32
267 clock_nanosleep clock_nanosleep_time32
268 statfs64 = statfs64
269 fstatfs64 = fstatfs64
270 tgkill
271 utimes utimes_time32
272 fadvise64_64 ia32_fadvise64_64
274 mbind
275 get_mempolicy
276 set_mempolicy
277 mq_open = mq_open
278 mq_unlink
279 mq_timedsend mq_timedsend_time32
280 mq_timedreceive mq_timedreceive_time32
281 mq_notify = mq_notify
282 mq_getsetattr = mq_getsetattr
283 kexec_load = kexec_load
284 waitid = waitid
286 add_key
287 request_key
288 keyctl = keyctl
289 ioprio_set
290 ioprio_get
291 inotify_init
292 inotify_add_watch
293 inotify_rm_watch
294 migrate_pages
295 openat = openat
296 mkdirat
297 mknodat
298 fchownat
299 futimesat futimesat_time32
300 fstatat64 fstatat64 ia32_fstatat64
301 unlinkat
302 renameat
303 linkat
304 symlinkat
305 readlinkat
306 fchmodat
307 faccessat
308 pselect6 pselect6_time32 pselect6_time32
309 ppoll ppoll_time32 ppoll_time32
310 unshare
311 set_robust_list = set_robust_list
312 get_robust_list = get_robust_list
313 splice
314 sync_file_range ia32_sync_file_range
315 tee
316 vmsplice
317 move_pages
318 getcpu
319 epoll_pwait
320 utimensat utimensat_time32
321 signalfd = signalfd
322 timerfd_create
323 eventfd
324 fallocate ia32_fallocate
325 timerfd_settime timerfd_settime32
326 timerfd_gettime timerfd_gettime32
327 signalfd4 = signalfd4
328 eventfd2
329 epoll_create1
330 dup3
331 pipe2
332 inotify_init1
333 preadv = preadv
334 pwritev = pwritev
335 rt_tgsigqueueinfo = rt_tgsigqueueinfo
336 perf_event_open
337 recvmmsg recvmmsg_time32 recvmmsg_time32
338 fanotify_init
339 fanotify_mark = fanotify_mark
340 prlimit64
341 name_to_handle_at
342 open_by_handle_at = open_by_handle_at
343 clock_adjtime clock_adjtime32
344 syncfs
345 sendmmsg = sendmmsg
346 setns
347 process_vm_readv
348 process_vm_writev
349 kcmp
350 finit_module
351 sched_setattr
352 sched_getattr
353 renameat2
354 seccomp
355 getrandom
356 memfd_create
357 bpf
358 execveat = execveat
359 socket
360 socketpair
361 bind
362 connect
363 listen
364 accept4
365 getsockopt
366 setsockopt
367 getsockname
368 getpeername
369 sendto
370 sendmsg = sendmsg
371 recvfrom = recvfrom
372 recvmsg = recvmsg
373 shutdown
374 userfaultfd
375 membarrier
376 mlock2
377 copy_file_range
378 preadv2 = preadv2
379 pwritev2 = pwritev2
380 pkey_mprotect
381 pkey_alloc
382 pkey_free
383 statx
384 arch_prctl = arch_prctl
385 io_pgetevents io_pgetevents_time32 io_pgetevents
386 rseq
393 semget
394 semctl = semctl
395 shmget
396 shmctl = shmctl
397 shmat = shmat
398 shmdt
399 msgget
400 msgsnd = msgsnd
401 msgrcv = msgrcv
402 msgctl = msgctl
403 clock_gettime64 clock_gettime
404 clock_settime64 clock_settime
405 clock_adjtime64 clock_adjtime
406 clock_getres_time64 clock_getres
407 clock_nanosleep_time64 clock_nanosleep
408 timer_gettime64 timer_gettime
409 timer_settime64 timer_settime
410 timerfd_gettime64 timerfd_gettime
411 timerfd_settime64 timerfd_settime
412 utimensat_time64 utimensat
413 pselect6_time64 pselect6 pselect6_time64
414 ppoll_time64 ppoll ppoll_time64
416 io_pgetevents_time64 io_pgetevents io_pgetevents_time64
417 recvmmsg_time64 recvmmsg recvmmsg_time64
418 mq_timedsend_time64 mq_timedsend
419 mq_timedreceive_time64 mq_timedreceive
420 semtimedop_time64 semtimedop
421 rt_sigtimedwait_time64 rt_sigtimedwait rt_sigtimedwait_time64
422 futex_time64 futex
423 sched_rr_get_interval_time64 sched_rr_get_interval
424 pidfd_send_signal
425 io_uring_setup
426 io_uring_enter
427 io_uring_register
428 open_tree
429 move_mount
430 fsopen
431 fsconfig
432 fsmount
433 fspick
434 pidfd_open
435 clone3
436 close_range
437 openat2
438 pidfd_getfd
439 faccessat2
440 process_madvise
441 epoll_pwait2 = epoll_pwait2
442 mount_setattr
443 quotactl_fd
444 landlock_create_ruleset
445 landlock_add_rule
446 landlock_restrict_self
447 memfd_secret
448 process_mrelease
449 futex_waitv
450 set_mempolicy_home_node
`
