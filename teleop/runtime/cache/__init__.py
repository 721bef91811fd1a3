"""teleop.runtime.cache: stores, reflectors and shared informers (client-go ``tools/cache``).

``SharedInformer`` lists and watches one resource type into an indexed ``Store`` and tells
``ResourceEventHandler``s about every change in order; ``InformerFactory`` shares one informer
per (type, namespace, selector) between controllers.
"""

from teleop.runtime.cache.backoff import Backoff, BackoffPolicy
from teleop.runtime.cache.events import DeletedFinalStateUnknown, ResourceEventHandler
from teleop.runtime.cache.factory import InformerFactory
from teleop.runtime.cache.informer import SharedInformer
from teleop.runtime.cache.lister import Lister
from teleop.runtime.cache.reflector import Reflector, ReflectorSink, ReflectorStats
from teleop.runtime.cache.store import NAMESPACE_INDEX, IndexFunc, Store
from teleop.runtime.cache.transform import Transform, strip_managed_fields

__all__ = [
    "NAMESPACE_INDEX",
    "Backoff",
    "BackoffPolicy",
    "DeletedFinalStateUnknown",
    "IndexFunc",
    "InformerFactory",
    "Lister",
    "Reflector",
    "ReflectorSink",
    "ReflectorStats",
    "ResourceEventHandler",
    "SharedInformer",
    "Store",
    "Transform",
    "strip_managed_fields",
]
