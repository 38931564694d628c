"""The Voilà baseline's kernels use Unix sockets in a private folder (casebook/kernels.py; the
app itself has no kernel processes: casebook.app.server)."""

from __future__ import annotations

import os
import stat

from casebook.app.voila import AppSettings, voila_command
from casebook.kernels import IpcKernelManager, socket_folder


def test_each_kernel_gets_its_own_socket_path_in_a_private_folder() -> None:
    first, second = IpcKernelManager(), IpcKernelManager()
    assert first.transport == second.transport == "ipc"
    assert first.ip != second.ip  # jupyter_client's default, "kernel-ipc", is shared
    for km in (first, second):
        assert os.path.isabs(km.ip) and os.path.dirname(km.ip) == socket_folder()
        assert len(km.ip) + len("-99999") < 100  # a Unix socket path has about 107 bytes
    mode = stat.S_IMODE(os.stat(socket_folder()).st_mode)
    assert mode == 0o700, oct(mode)


def test_the_voila_baseline_starts_its_kernels_with_it() -> None:
    command = voila_command(AppSettings(open_browser=False))
    assert "--MappingKernelManager.kernel_manager_class=casebook.kernels.IpcKernelManager" in (
        command
    )
