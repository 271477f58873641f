package dev.atelier.render.internal;

import dev.atelier.editor.AudioClip;
import dev.atelier.editor.AudioRole;
import dev.atelier.editor.AudioTrack;
import dev.atelier.editor.Fit;
import dev.atelier.editor.TextClip;
import dev.atelier.editor.Timeline;
import dev.atelier.editor.VideoClip;
import dev.atelier.media.Asset;
import dev.atelier.media.AssetKind;
import dev.atelier.render.graph.Edit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The editor's timeline document, with its assets looked up, as the renderer's {@link Edit}. */
final class EditOf {

    private EditOf() {
    }

    /** @throws RenderFailure {@code asset_missing} when an asset is gone or no longer the owner's */
    static Edit of(Timeline timeline, int projectHeight, UUID ownerId, Map<UUID, Asset> assets) throws RenderFailure {
        List<Edit.Clip> clips = new ArrayList<>();
        for (VideoClip c : timeline.video().clips()) {
            Asset asset = require(assets, c.assetId(), ownerId);
            Edit.Motion motion = c.motion() == null || asset.kind() != AssetKind.IMAGE ? null
                    : new Edit.Motion(c.motion().zoomFrom(), c.motion().zoomTo(), c.motion().xFrom(),
                            c.motion().yFrom(), c.motion().xTo(), c.motion().yTo());
            clips.add(new Edit.Clip(c.id(), media(asset), c.startMs(), c.durationMs(), c.trimInMs(), c.speed(),
                    c.fit() != Fit.CONTAIN, c.volume(), motion));
        }
        List<Edit.Transition> transitions = timeline.video().transitions().stream()
                .map(t -> new Edit.Transition(t.fromClipId(), t.toClipId(), t.type().value(), t.durationMs()))
                .toList();
        List<Edit.Caption> captions = new ArrayList<>();
        for (TextClip t : timeline.text()) {
            Edit.Box box = t.box() == null ? null
                    : new Edit.Box(t.box().color(), t.box().opacity(), t.box().paddingPx());
            captions.add(new Edit.Caption(t.id(), t.text(), t.font().value(), t.sizePx(), t.color(), t.x(), t.y(), box,
                    t.startMs(), t.durationMs(), t.fadeInMs(), t.fadeOutMs()));
        }
        List<Edit.Sound> sounds = new ArrayList<>();
        for (AudioTrack track : timeline.audio()) {
            for (AudioClip a : track.clips()) {
                Asset asset = require(assets, a.assetId(), ownerId);
                if (!asset.hasAudio()) {
                    throw new RenderFailure("asset_unusable", "The asset " + asset.id() + " of audio clip " + a.id()
                            + " has no sound");
                }
                sounds.add(new Edit.Sound(a.id(), track.role() == AudioRole.VOICEOVER, media(asset), a.startMs(),
                        a.durationMs(), a.trimInMs(), a.loop(), a.volume(), a.fadeInMs(), a.fadeOutMs()));
            }
        }
        Edit.Ducking ducking = new Edit.Ducking(timeline.ducking().enabled(), timeline.ducking().db());
        return new Edit(clips, transitions, captions, sounds, ducking, projectHeight);
    }

    static Edit.Media media(Asset asset) {
        return new Edit.Media(asset.sha256(), asset.kind() == AssetKind.IMAGE, asset.hasAudio(),
                asset.durationMs() == null ? 0 : asset.durationMs());
    }

    private static Asset require(Map<UUID, Asset> assets, UUID id, UUID ownerId) throws RenderFailure {
        Asset asset = assets.get(id);
        if (asset == null || !asset.ownerId().equals(ownerId)) {
            throw new RenderFailure("asset_missing", "The asset " + id + " used by the timeline no longer exists");
        }
        return asset;
    }
}
