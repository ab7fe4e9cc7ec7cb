"""Browse panel: search as you type, filters, favourites and a tree of channels and points."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..atlas.categories import WORDS
from ..atlas.i18n import N_, _, ngettext
from ..atlas.model import channel_label
from ..atlas.search import Filters, SearchIndex
from ..atlas.views import registry
from .accessibility import named
from .fonts import hanzi_safe
from .safe_text import tooltip
from .theme import swatch
from .words import point_name, view_name, view_short, without_mnemonic

if TYPE_CHECKING:
    from ..atlas.finder import Finder

CODE_ROLE = Qt.ItemDataRole.UserRole
CATEGORY_CHOICES = {"well": N_("well (jing)"), "spring": N_("spring (ying)"), "stream": N_("stream (shu)"),
                    "river": N_("river (jing)"), "sea": N_("sea (he)"), "source": N_("source (yuan)"),
                    "connecting": N_("connecting (luo)"), "cleft": N_("cleft (xi)"),
                    "back-shu": N_("back-shu"), "front-mu": N_("front-mu"), "influential": N_("influential (hui)"),
                    "confluent": N_("confluent (eight vessels)"), "lower-sea": N_("lower sea (lower he)")}
# Said beside a point found through a less obvious field: why it is in the list.
MATCHED_ON = {"alt_name": N_("other name"), "role": N_("category"), "translation": N_("translation"),
              "caution": N_("caution"), "region": N_("region")}
# Said beside a point found by the plain search (no search over everything): the field that matched.
INDEX_FIELDS = {"hanzi": N_("hanzi"), "english": N_("name"), "region": N_("region"), "tag": N_("indication"),
                "meridian": N_("channel"), "caution": N_("caution"), "category": N_("category")}
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1  # marks the favourites group (it is no point)


def _combo(first: str, choices) -> QComboBox:
    box = QComboBox()
    box.addItem(first, "")
    for text, value in choices:
        box.addItem(text, value)
    return box


class BrowsePanel(QWidget):
    pointChosen = Signal(str)
    filterMatched = Signal(object)  # the codes the filters let through, or None when no filter is set

    def __init__(self, atlas, parent=None, index: SearchIndex | None = None, make_index=None, content=None,
                 local=None):
        """``index``, or ``make_index()`` called when the index is first needed (after the first paint);
        with ``content`` the search box looks through muscles, trigger points ... too."""
        super().__init__(parent)
        self.setObjectName("browse")
        self.atlas = atlas
        self._index = index
        self._make_index = make_index or (lambda: SearchIndex(atlas))
        self.content = content
        self.terms = local.terms if local is not None else {}  # regions and indications in the user's language
        self._finder: Finder | None = None
        self.favourites: list[str] = []
        self.items: dict[str, QTreeWidgetItem] = {}

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_("Search points, muscles, trigger points, symptoms…"))
        self.search.setToolTip(_("Codes (ST36, QL1), pinyin, hanzi, English and other names, muscles, "
                                 "symptoms and indications; a typo is forgiven"))
        self.search.setAccessibleName(_("Search"))
        self.search.setClearButtonEnabled(True)
        named(self.search, _("Search"), _("Type a code, a name, a muscle or a symptom; Enter selects the first result"))
        channels = ((f"{channel_label(c)}  {m.name}", c) for c, m in atlas.meridians.items())
        self.channel = _combo(_("All channels"), channels)
        points = atlas.points.values()
        self.region = _combo(_("All regions"), ((self._region(r), r) for r in sorted({p.region for p in points})))
        views = registry()
        self.view = _combo(_("All views"), ((without_mnemonic(view_short(v)), v) for v in views.full))
        if views.plates:  # then the close-up plates, by their titles (their short names are thumbnail labels)
            self.view.insertSeparator(self.view.count())
            for v in views.plates:
                self.view.addItem(view_name(v), v)
        tags = sorted({tag for p in points for tag in p.tags})
        ordered = (["back pain"] if "back pain" in tags else []) + [t for t in tags if t != "back pain"]
        self.tag = _combo(_("All indications"), ((self._term("tag", t), t) for t in ordered))
        self.category = _combo(_("All categories"), ((_(CATEGORY_CHOICES[w]) if w in CATEGORY_CHOICES else w, w)
                                                      for w in WORDS))
        self.category.setObjectName("category_filter")
        for box, name in ((self.channel, _("Channel filter")), (self.region, _("Region filter")),
                          (self.view, _("View filter")), (self.tag, _("Indication filter")),
                          (self.category, _("Point category filter"))):
            named(box, name)
        self.count = QLabel()
        self.count.setObjectName("result_count")

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Point"), _("Name")])
        self.tree.setUniformRowHeights(True)
        named(self.tree, _("Points"), _("Channels and their points, or the search results; Enter selects"))
        self.tree.setRootIsDecorated(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        self.grid = QGridLayout()
        self._columns = 0
        self._arrange()
        layout.addLayout(self.grid)
        layout.addWidget(self.count)
        layout.addWidget(self.tree, 1)

        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._on_return)
        for box in (self.channel, self.region, self.view, self.tag, self.category):
            box.currentIndexChanged.connect(self.refresh)
            box.currentIndexChanged.connect(self._on_filters_changed)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(self._on_activated)
        self._filled = False  # the tree is filled after the window's first paint, or when first needed
        self._shown = ""  # the point to mark in the tree once it is filled

    def _arrange(self) -> None:
        """The filters two by two, or one under the other when the panel is too narrow for their words
        (large text): a filter never shows a cut-off choice."""
        boxes = (self.channel, self.region, self.view, self.tag)
        metrics = self.channel.fontMetrics()
        need = max(metrics.horizontalAdvance(box.itemText(0)) for box in boxes) + 3 * metrics.height()
        columns = 2 if (self.width() - 24) / 2 >= need else 1
        if columns == self._columns:
            return
        self._columns = columns
        for box in (*boxes, self.category):
            self.grid.removeWidget(box)
        for number, box in enumerate(boxes):
            self.grid.addWidget(box, number // columns, number % columns)
        self.grid.addWidget(self.category, 4, 0, 1, columns)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._arrange()

    def restyle(self) -> None:
        """The channels' swatches in the current theme's colours."""
        codes = {channel_label(code): code for code in self.atlas.meridians}
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.text(0) in codes:
                item.setIcon(0, swatch(codes[item.text(0)]))

    def _term(self, kind: str, english: str) -> str:
        return self.terms.get((kind, english), english)

    def _region(self, region: str) -> str:
        return self.terms.get(("region", region)) or region.replace("_", " ")

    def ensure_filled(self) -> None:
        if not self._filled:
            self.refresh()

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = self._make_index()
        return self._index

    # --- state ----------------------------------------------------------------------------
    def filters(self) -> Filters:
        def pick(box):
            value = box.currentData()
            return frozenset({value}) if value else frozenset()

        return Filters(meridians=pick(self.channel), regions=pick(self.region), views=pick(self.view),
                       tags=pick(self.tag), categories=pick(self.category))

    def matching(self) -> frozenset[str] | None:
        """The codes the filters (not the search text) let through; None when no filter is set."""
        filters = self.filters()
        return frozenset(h.code for h in self.index.search("", filters)) if filters.active() else None

    def set_favourites(self, codes: list[str]) -> None:
        self.favourites = list(codes)
        if self._filled:
            self.refresh()

    def visible_codes(self) -> list[str]:
        """Keys listed in the tree in display order (favourites group excluded, each key once)."""
        self.ensure_filled()
        codes: list[str] = []

        def walk(item) -> None:
            code = item.data(0, CODE_ROLE)
            if code and code not in codes:
                codes.append(code)
            for j in range(item.childCount()):
                walk(item.child(j))

        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if not top.data(0, GROUP_ROLE):
                walk(top)
        return codes

    def finder(self) -> Finder | None:
        """The search over everything, prepared on first use (or when the window is idle)."""
        if self._finder is None and self.content is not None:
            # (its module too is loaded only now, after the first paint)
            from ..atlas.finder import Finder

            self._finder = Finder.build(self.content)
        return self._finder

    # --- building the tree ------------------------------------------------------------------
    def _point_item(self, code: str, note: str = "") -> QTreeWidgetItem:
        point = self.atlas.points[code]
        item = QTreeWidgetItem([code, f"{point.pinyin} · {point_name(point)}" + (f"  ({note})" if note else "")])
        item.setData(0, CODE_ROLE, code)
        item.setToolTip(1, tooltip(hanzi_safe(point.location)))
        return item

    def refresh(self) -> None:
        self._filled = True
        current = self.tree.currentItem().data(0, CODE_ROLE) if self.tree.currentItem() else self._shown
        query = self.search.text()
        filters = self.filters()
        hits = self.index.search(query, filters)
        self.tree.blockSignals(True)
        self.tree.clear()
        self.items = {}
        allowed = {h.code for h in hits}
        if query.strip() and self.finder() is not None:
            count = self._show_found(query, {h.code for h in self.index.search("", filters)})
        elif query.strip():
            for hit in hits:
                item = self._point_item(hit.code, _(INDEX_FIELDS[hit.field]) if hit.field in INDEX_FIELDS else "")
                self.tree.addTopLevelItem(item)
                self.items.setdefault(hit.code, item)
            self.tree.setRootIsDecorated(False)
        else:
            self.tree.setRootIsDecorated(True)
            favs = [c for c in self.favourites if c in allowed]  # favourites stay, narrowed by the filters
            if favs:
                count = ngettext("{n} point", "{n} points", len(favs)).format(n=len(favs))
                group = QTreeWidgetItem([_("★ Favourites"), count])
                group.setData(0, GROUP_ROLE, "favourites")
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                for code in favs:
                    group.addChild(self._point_item(code))
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
            for code, meridian in self.atlas.meridians.items():
                codes = [c for c in meridian.points if c in allowed]
                if not codes:
                    continue
                top = QTreeWidgetItem([channel_label(code), meridian.name])
                top.setIcon(0, swatch(code))
                top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                for point_code in codes:
                    child = self._point_item(point_code)
                    top.addChild(child)
                    self.items[point_code] = child
                self.tree.addTopLevelItem(top)
                top.setExpanded(filters.active())
        if query.strip() and self._finder is not None:
            self.count.setText(ngettext("{n} found", "{n} found", count).format(n=count) if count
                               else _("Nothing found"))
        elif query.strip():
            self.count.setText(ngettext("{n} point found", "{n} points found", len(hits)).format(n=len(hits)))
        else:
            self.count.setText(ngettext("{n} point listed", "{n} points listed", len(hits)).format(n=len(hits)))
        if current in self.items:
            self.tree.setCurrentItem(self.items[current])
        self.tree.blockSignals(False)

    def _show_found(self, query: str, allowed: set[str]) -> int:
        """Results of the search over everything, grouped by kind; the group with the best match first."""
        from ..atlas.finder import KIND_TITLES

        groups: dict[str, QTreeWidgetItem] = {}
        count = 0
        for found in self.finder().search(query):
            entry = found.entry
            members = [m for m in entry.members if m in allowed]
            if (entry.kind == "point" and entry.key not in allowed) or (entry.members and not members):
                continue  # the filters (channel, region, view, indication) narrow the points
            group = groups.get(entry.kind)
            if group is None:
                group = groups[entry.kind] = QTreeWidgetItem([_(KIND_TITLES[entry.kind]), ""])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
            if entry.kind == "point":
                item = self._point_item(entry.key, _(MATCHED_ON[found.field]) if found.field in MATCHED_ON else "")
                group.addChild(item)
            elif entry.kind == "trigger_point":
                tp_id, _sep, text = entry.title.partition(" · ")
                item = QTreeWidgetItem([tp_id, text])
                item.setToolTip(1, tooltip(text))
                item.setData(0, CODE_ROLE, entry.key)
                group.addChild(item)
            else:  # a muscle, or an indication / category that gathers points
                title = ngettext("{title} ({n} point)", "{title} ({n} points)", len(members)).format(
                    title=entry.title, n=len(members)) if members else entry.title
                item = QTreeWidgetItem([title, ""])
                item.setData(0, CODE_ROLE, entry.key)
                for code in members:
                    item.addChild(self._point_item(code))
                group.addChild(item)
                item.setFirstColumnSpanned(True)
            if entry.key:
                self.items.setdefault(entry.key, item)
            count += 1
        self.tree.setRootIsDecorated(True)
        return count

    # --- slots ------------------------------------------------------------------------------
    def _on_filters_changed(self) -> None:
        self.filterMatched.emit(self.matching())

    def _on_current(self, current, _previous) -> None:
        code = current.data(0, CODE_ROLE) if current is not None else None
        if code:
            self.pointChosen.emit(code)

    def _on_activated(self, item, _column) -> None:
        code = item.data(0, CODE_ROLE)
        if code:
            self.pointChosen.emit(code)

    def _on_return(self) -> None:
        codes = self.visible_codes()
        if codes:
            self.pointChosen.emit(codes[0])

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_point(self, code: str) -> None:
        self._shown = code
        item = self.items.get(code)
        if item is None or item is self.tree.currentItem():
            return
        self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self.tree.blockSignals(False)
