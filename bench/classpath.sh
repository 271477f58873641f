# Sourced by the Java benchmarks: compiles main and test code and sets BENCH_CP and JAVA_HOME.
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
ATELIER_JVM_FLAGS="--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED --enable-native-access=ALL-UNNAMED"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
BENCH_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
