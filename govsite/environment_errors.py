"""Failures of the machine, not of the content: one clear line instead of a traceback.

A full disk, a read-only file system, a missing permission, a busy mount point, a
symlink loop, too many open files, an I/O error, too little memory or Ctrl-C stop
a command whatever the site contains. The ``govsite`` command group
(:class:`govsite.cli.GovsiteGroup`) turns each of them into one line, in Chinese
by default (English with ``--lang en`` or ``GOVSITE_LANG=en``), that names the
path and says what to do, and exits with :data:`EXIT_ENVIRONMENT`.

Exit codes of every command:

- 0: done;
- 1: the content has errors (``check``, a refused ``build``, a refused import…);
- 2: the command could not run: a usage error (click's own, e.g. an unknown
  option) or an environment failure explained here, including Ctrl-C.

Problems inside ``content/`` (an unreadable file, a symlink loop) are not
environment failures: the loader reports them as problems of the file
(``E-READ``, ``E-PATH-LOOP``) with all the others.
"""
from __future__ import annotations

import errno
import os

EXIT_ENVIRONMENT = 2
"""Exit code of a command stopped by its environment (also click's code for a usage error)."""

# errno → (zh: what happened, zh: what to do, en: what happened, en: what to do)
_ERRNO: dict[int, tuple[str, str, str, str]] = {
    errno.EACCES: ("没有访问权限", "请检查该路径及其上级目录的权限和所有者（ls -ld），或改用有权限的目录（如 --out 另一个目录）",
                   "permission denied", "check the permissions and owner of the path and its parent folders (ls -ld), "
                   "or use a folder you may write (e.g. --out elsewhere)"),
    errno.EPERM: ("操作不被允许", "请检查该路径的权限、不可变属性（lsattr）或安全策略，或改用其他目录",
                  "operation not permitted", "check the path's permissions, immutable attribute (lsattr) or security "
                  "policy, or use another folder"),
    errno.EROFS: ("所在文件系统为只读", "请改用可写的位置（输出目录可用 --out 另选），或将该文件系统以读写方式重新挂载",
                  "read-only file system", "use a writable place (for the output: --out another folder) or remount the file "
                  "system read-write"),
    errno.ENOSPC: ("磁盘空间已满", "请清理磁盘空间（df -h 查看）后重试，或把输出改到空间充足的磁盘（--out）",
                   "no space left on the device", "free some space (see df -h) and try again, or write to a disk "
                   "with room (--out)"),
    errno.EDQUOT: ("已超出磁盘配额", "请清理文件或请管理员提高配额后重试",
                   "disk quota exceeded", "remove files or ask an administrator for a larger quota, then try again"),
    errno.EFBIG: ("文件过大", "请检查磁盘和文件系统的单个文件大小限制（ulimit -f）",
                  "file too large", "check the file size limit of the disk and of the shell (ulimit -f)"),
    errno.EBUSY: ("设备或资源忙（可能是挂载点或正被其他程序使用）",
                  "输出目录不能是挂载点：请用挂载点下的子目录作为 --out（如 /mnt/site/output），并确认没有其他程序占用它",
                  "device or resource busy (a mount point, or in use by another program)",
                  "the output folder cannot be a mount point: use a folder inside it as --out (e.g. "
                  "/mnt/site/output), and make sure no other program holds it"),
    errno.ELOOP: ("符号链接形成循环", "请找到并删除或修正指向自身或上级目录的符号链接（ls -l、find -type l）",
                  "too many levels of symbolic links (a symlink loop)", "find and remove or fix the symlink that "
                  "points to itself or to a parent folder (ls -l, find -type l)"),
    errno.ENOENT: ("文件或目录不存在", "请检查路径是否写对，以及该目录是否仍然存在（可能已被移动或删除）",
                   "no such file or folder", "check the spelling of the path and that the folder still exists "
                   "(it may have been moved or deleted)"),
    errno.ENOTDIR: ("路径中有一部分不是目录", "请检查路径：其中某一级是普通文件而不是目录",
                    "a part of the path is not a folder", "check the path: one of its parts is a file, not a folder"),
    errno.EISDIR: ("这是一个目录，而不是文件", "请指定文件而不是目录",
                   "this is a folder, not a file", "give a file, not a folder"),
    errno.ENOTEMPTY: ("目录非空", "请先清空或移走该目录，或改用其他目录",
                      "folder not empty", "empty or move the folder first, or use another one"),
    errno.EEXIST: ("文件或目录已存在", "请移走已有的文件或目录，或改用其他名称",
                   "file or folder already exists", "move the existing one away or use another name"),
    errno.EXDEV: ("不能跨文件系统移动", "请让输出目录与其上级目录位于同一文件系统",
                  "cannot move across file systems", "keep the output folder on the same file system as its parent"),
    errno.EMFILE: ("打开的文件过多（本进程已达上限）",
                   "请提高打开文件数上限（如 ulimit -n 4096）后重试，或减少并行进程（--jobs）",
                   "too many open files (this process's limit)",
                   "raise the limit (e.g. ulimit -n 4096) and try again, or use fewer workers (--jobs)"),
    errno.ENFILE: ("系统打开的文件过多", "请关闭其他程序或请管理员提高系统上限（fs.file-max）后重试",
                   "too many open files in the system", "close other programs or ask an administrator to raise "
                   "fs.file-max, then try again"),
    errno.ENAMETOOLONG: ("文件名或路径过长", "请缩短文件名、目录层级或 --out/--site 路径",
                         "file name or path too long", "shorten the file name, the folder nesting or the --out/--site path"),
    errno.EIO: ("输入/输出错误（磁盘或网络存储故障）", "请检查磁盘（dmesg、smartctl）或网络存储的连接，修复后重试",
                "input/output error (a failing disk or network storage)", "check the disk (dmesg, smartctl) or the "
                "network storage connection, then try again"),
    errno.ENOMEM: ("内存不足", "请关闭其他程序、减少并行进程（--jobs）或换用内存更大的机器",
                   "out of memory", "close other programs, use fewer workers (--jobs) or a machine with more memory"),
    errno.EAGAIN: ("资源暂时不可用（进程数或内存已达上限）", "请稍后重试，或减少并行进程（--jobs）",
                   "resource temporarily unavailable (process or memory limit)", "try again later or use fewer "
                   "workers (--jobs)"),
    errno.EADDRINUSE: ("端口已被其他程序占用", "请用 --port 指定其他端口（--port 0 表示任选一个空闲端口）",
                       "the port is already in use", "choose another with --port (--port 0: any free port)"),
    errno.EADDRNOTAVAIL: ("地址不可用", "请检查本机网络配置（127.0.0.1）",
                          "address not available", "check this machine's network setup (127.0.0.1)"),
    errno.ETXTBSY: ("文件正被执行或占用", "请停止正在使用它的程序后重试",
                    "file busy (being executed)", "stop the program using it and try again"),
    errno.ESTALE: ("网络文件句柄已失效", "请重新挂载网络存储后重试",
                   "stale network file handle", "remount the network storage and try again"),
}
_ERRNO[errno.EWOULDBLOCK] = _ERRNO[errno.EAGAIN]

_CONTROL = {c: f"\\x{c:02x}" for c in range(32)} | {127: "\\x7f"}


def show_path(path: object) -> str:
    """A path for a one-line message: control characters (a newline in a file name)
    escaped, bytes decoded with escapes, very long paths shortened in the middle."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    text = str(path).translate(_CONTROL)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates from odd bytes
    return text if len(text) <= 300 else text[:150] + "…" + text[-140:]


def _errno_name(code: int | None) -> str:
    return errno.errorcode.get(code, str(code)) if code is not None else ""


def describe_os_error(exc: OSError, lang: str) -> str:
    """One line: the path(s), what happened, what to do."""
    code = exc.errno
    entry = _ERRNO.get(code) if code is not None else None
    zh = lang != "en"
    if entry is not None:
        what, advice = (entry[0], entry[1]) if zh else (entry[2], entry[3])
    else:
        reason = exc.strerror or type(exc).__name__
        what = f"系统错误：{reason}" if zh else f"system error: {reason}"
        advice = "请检查该路径和磁盘后重试" if zh else "check the path and the disk, then try again"
    name = _errno_name(code)
    if name:
        what = f"{what}（{name}）" if zh else f"{what} ({name})"
    paths = [p for p in (exc.filename, exc.filename2) if p not in (None, "")]
    where = " → ".join(show_path(p) for p in paths)
    if zh:
        return f"错误：{where}：{what}。{advice}。" if where else f"错误：{what}。{advice}。"
    return f"error: {where}: {what}. {advice[0].upper()}{advice[1:]}." if where else \
        f"error: {what}. {advice[0].upper()}{advice[1:]}."


def describe(exc: BaseException, lang: str) -> str | None:
    """The one line for an environment failure, or None when ``exc`` is not one."""
    zh = lang != "en"
    if isinstance(exc, KeyboardInterrupt):
        return "已中断（Ctrl+C）。" if zh else "Interrupted (Ctrl+C)."
    if isinstance(exc, MemoryError):
        entry = _ERRNO[errno.ENOMEM]
        return f"错误：{entry[0]}（MemoryError）。{entry[1]}。" if zh else \
            f"error: {entry[2]} (MemoryError). {entry[3][0].upper()}{entry[3][1:]}."
    if isinstance(exc, OSError) and exc.errno is not None:
        return describe_os_error(exc, lang)
    return None


def is_environment_error(exc: BaseException) -> bool:
    """Whether ``exc`` is a failure of the machine that :func:`describe` explains. A
    closed pipe (``govsite check | head``) is left to click, which ends quietly."""
    if isinstance(exc, (KeyboardInterrupt, MemoryError)):
        return True
    return isinstance(exc, OSError) and exc.errno is not None and exc.errno != errno.EPIPE

