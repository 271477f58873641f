/** Prints the path of the ffmpeg binary bundled in org.bytedeco:ffmpeg (unpacking it on first use). */
public class FindFfmpeg {
    public static void main(String[] args) {
        System.out.println(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
    }
}
