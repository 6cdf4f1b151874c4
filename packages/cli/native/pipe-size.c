// Node-API addon for the one system call `follow` needs that Node does not offer: a pipe's size
// (fcntl F_GETPIPE_SZ / F_SETPIPE_SZ, Linux only). Built by scripts/build-native.js; optional.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>

// pipeSize(fd, bytes): with bytes > 0 asks the kernel to make the pipe that big (it rounds up to a
// power of two pages); with 0 only asks. Returns the pipe's size, or -errno (EBADF when fd is not a
// pipe, EPERM over the user's pipe-buffer limits, ENOSYS where the system has no such call).
static napi_value PipeSize(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  int32_t fd, bytes;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 ||
      napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_get_value_int32(env, argv[1], &bytes) != napi_ok) {
    napi_throw_type_error(env, NULL, "pipeSize(fd, bytes) takes two integers");
    return NULL;
  }
#if defined(F_SETPIPE_SZ) && defined(F_GETPIPE_SZ)
  int result = bytes > 0 ? fcntl(fd, F_SETPIPE_SZ, bytes) : fcntl(fd, F_GETPIPE_SZ);
  if (result < 0) result = -errno;
#else
  int result = -ENOSYS;
#endif
  napi_value value;
  napi_create_int32(env, result, &value);
  return value;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "pipeSize", NAPI_AUTO_LENGTH, PipeSize, NULL, &fn);
  napi_set_named_property(env, exports, "pipeSize", fn);
  return exports;
}
