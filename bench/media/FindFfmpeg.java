/** Prints the path of the ffmpeg binary bundled with Atelier (unpacking it on first use). */
public class FindFfmpeg {
    public static void main(String[] args) throws Exception {
        System.out.println(dev.atelier.platform.ffmpeg.Ffmpeg.bundled().ffmpegBinary());
    }
}
