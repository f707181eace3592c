/*
 * A power cut, recorded: loaded with LD_PRELOAD into a process, it lets every file operation through
 * and appends to a log the writes, truncations and syncs made on files under one folder
 * (POWER_CUT_DIR), in the order they returned. From that log, tests/support/powerCut/rebuild.ts
 * rebuilds the folder as a disk would hold it after the power went: each file as of its last sync,
 * whatever was written since — still in the operating system's cache — lost.
 *
 * Log records (all integers little-endian): 'W' u32 path-id, u64 offset, u32 length, bytes;
 * 'T' u32 path-id, u64 size; 'S' u32 path-id; 'U' u32 path-id; 'P' u32 path-id, u16 length, path
 * (declares a path-id, before its first use).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FDS 65536
#define MAX_PATHS 256

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int log_fd = -2;
static char watched[PATH_MAX];
static size_t watched_len;
static int fd_path[MAX_FDS];
static char *paths[MAX_PATHS];
static int path_count;

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static int (*real_open)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_close)(int);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_ftruncate64)(int, off_t);
static int (*real_unlink)(const char *);

static void init(void) {
  if (log_fd != -2) return;
  real_write = dlsym(RTLD_NEXT, "write");
  real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
  real_open = dlsym(RTLD_NEXT, "open");
  real_openat = dlsym(RTLD_NEXT, "openat");
  real_close = dlsym(RTLD_NEXT, "close");
  real_fsync = dlsym(RTLD_NEXT, "fsync");
  real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
  real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
  real_unlink = dlsym(RTLD_NEXT, "unlink");
  const char *dir = getenv("POWER_CUT_DIR");
  const char *log = getenv("POWER_CUT_LOG");
  log_fd = -1;
  if (!dir || !log) return;
  strncpy(watched, dir, sizeof watched - 1);
  watched_len = strlen(watched);
  log_fd = real_open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

static void put(const void *bytes, size_t length) {
  const char *at = bytes;
  while (length > 0) {
    ssize_t done = real_write(log_fd, at, length);
    if (done <= 0) return;
    at += done;
    length -= (size_t)done;
  }
}

static int path_id(const char *path) {
  for (int i = 0; i < path_count; i++) if (strcmp(paths[i], path) == 0) return i;
  if (path_count == MAX_PATHS) return -1;
  paths[path_count] = strdup(path);
  uint32_t id = (uint32_t)path_count;
  uint16_t length = (uint16_t)strlen(path);
  put("P", 1), put(&id, 4), put(&length, 2), put(path, length);
  return path_count++;
}

static int watches(const char *path) {
  return log_fd >= 0 && path && strncmp(path, watched, watched_len) == 0 && (path[watched_len] == '/' || path[watched_len] == 0);
}

static void opened(int fd, const char *path) {
  if (fd < 0 || fd >= MAX_FDS) return;
  pthread_mutex_lock(&lock);
  fd_path[fd] = watches(path) ? path_id(path) + 1 : 0;
  pthread_mutex_unlock(&lock);
}

static int watched_id(int fd) { return fd >= 0 && fd < MAX_FDS ? fd_path[fd] - 1 : -1; }

static void record_write(int fd, const void *bytes, size_t length, off_t offset) {
  pthread_mutex_lock(&lock);
  uint32_t id = (uint32_t)watched_id(fd);
  uint64_t at = (uint64_t)offset;
  uint32_t size = (uint32_t)length;
  put("W", 1), put(&id, 4), put(&at, 8), put(&size, 4), put(bytes, length);
  pthread_mutex_unlock(&lock);
}

static void record(char kind, int fd, const uint64_t *size) {
  pthread_mutex_lock(&lock);
  uint32_t id = (uint32_t)watched_id(fd);
  put(&kind, 1), put(&id, 4);
  if (size) put(size, 8);
  pthread_mutex_unlock(&lock);
}

static int open_any(int dirfd, const char *path, int flags, mode_t mode, int at) {
  init();
  int fd = at ? real_openat(dirfd, path, flags, mode) : real_open(path, flags, mode);
  if (fd >= 0) {
    char resolved[PATH_MAX];
    if (path[0] == '/' || !realpath(path, resolved)) opened(fd, path);
    else opened(fd, resolved);
  }
  return fd;
}

int open(const char *path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(args, mode_t) : 0;
  va_end(args);
  return open_any(AT_FDCWD, path, flags, mode, 0);
}
int open64(const char *path, int flags, ...) __attribute__((alias("open")));

int openat(int dirfd, const char *path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(args, mode_t) : 0;
  va_end(args);
  return open_any(dirfd, path, flags, mode, 1);
}
int openat64(int dirfd, const char *path, int flags, ...) __attribute__((alias("openat")));

int close(int fd) {
  init();
  if (fd >= 0 && fd < MAX_FDS) fd_path[fd] = 0;
  return real_close(fd);
}

ssize_t write(int fd, const void *bytes, size_t length) {
  init();
  if (watched_id(fd) < 0) return real_write(fd, bytes, length);
  off_t offset = lseek(fd, 0, SEEK_CUR);
  ssize_t done = real_write(fd, bytes, length);
  if (done > 0) record_write(fd, bytes, (size_t)done, offset);
  return done;
}

ssize_t pwrite64(int fd, const void *bytes, size_t length, off_t offset) {
  init();
  ssize_t done = real_pwrite64(fd, bytes, length, offset);
  if (done > 0 && watched_id(fd) >= 0) record_write(fd, bytes, (size_t)done, offset);
  return done;
}
ssize_t pwrite(int fd, const void *bytes, size_t length, off_t offset) __attribute__((alias("pwrite64")));

int ftruncate64(int fd, off_t size) {
  init();
  int result = real_ftruncate64(fd, size);
  uint64_t length = (uint64_t)size;
  if (result == 0 && watched_id(fd) >= 0) record('T', fd, &length);
  return result;
}
int ftruncate(int fd, off_t size) __attribute__((alias("ftruncate64")));

int fsync(int fd) {
  init();
  int result = real_fsync(fd);
  if (result == 0 && watched_id(fd) >= 0) record('S', fd, NULL);
  return result;
}

int fdatasync(int fd) {
  init();
  int result = real_fdatasync(fd);
  if (result == 0 && watched_id(fd) >= 0) record('S', fd, NULL);
  return result;
}

int unlink(const char *path) {
  init();
  int result = real_unlink(path);
  if (result == 0 && watches(path)) {
    pthread_mutex_lock(&lock);
    int id = path_id(path);
    uint32_t raw = (uint32_t)id;
    if (id >= 0) put("U", 1), put(&raw, 4);
    pthread_mutex_unlock(&lock);
  }
  return result;
}
