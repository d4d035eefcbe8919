"""``govsite publish``: the built output folder onto a host, through rclone.

A county's IT person should not have to hand-roll ``rsync --exclude _report`` or an
object-storage sync script: one command uploads what changed, in an order that never
lets a published page point at a file that is not there yet, and leaves the target
consistent when it fails half-way (docs/deploy.md). The modules, one purpose each:

- :mod:`~govsite.publish.target`: where to (site.yaml ``publish.target`` or
  ``--target``), and the refusal of a target that carries a password or a key;
- :mod:`~govsite.publish.local`: the files of the output folder that may be
  published, from the build's manifest, with their checksums;
- :mod:`~govsite.publish.phases`: the order of the upload;
- :mod:`~govsite.publish.state`: what the target holds, recorded on the target;
- :mod:`~govsite.publish.plan`: what to upload and delete;
- :mod:`~govsite.publish.rclone`: rclone as a subprocess;
- :mod:`~govsite.publish.run`: carrying a plan out;
- :mod:`~govsite.publish.ci`: pipeline files for GitLab, GitHub and Gitee
  (``govsite ci-template``, ``govsite init --ci``);
- :mod:`~govsite.publish.command`: the click commands.

Nothing here imports rclone's configuration or reads a secret: rclone does, from its
own config file or the ``RCLONE_CONFIG_*`` environment.
"""
